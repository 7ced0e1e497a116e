/**
 * What the class gets wrong (lib/insights) against a real PostgreSQL, on
 * rows written by hand so each figure can be checked by counting: three
 * students in the class, one outside it and one removed from it (whose
 * work must not count), a regrade that changes a student's current test
 * results, a grader error and an interview that must not count.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma, databaseQueryCount } from "@/lib/db/client";
import { getClassInsights, submissionHref, type ClassInsights } from "@/lib/insights/get-class-insights";
import { GET } from "@/app/api/classes/[classId]/insights/route";
import type { Verdict, TestStatus } from "@/lib/generated/prisma/enums";
import { seedClass, seedUser, type SeededUser } from "../support/teaching";
import { jsonRequest, routeContext } from "../support/requests";

const id = (n: number) => `1a5e0c00-0000-4000-8000-${String(n).padStart(12, "0")}`;
const ids = { course: id(1), chapter: id(2), ex1: id(10), ex2: id(11), quiz: id(12), question: id(20) };
const at = (iso: string) => new Date(`${iso}Z`);

let teacher: SeededUser;
let otherTeacher: SeededUser;
let students: { s1: SeededUser; s2: SeededUser; s3: SeededUser; outsider: SeededUser; removed: SeededUser };
let classId: string;
let otherClassId: string;
const submission: Record<string, string> = {};

async function submit(
  name: string,
  user: SeededUser,
  itemId: string,
  queuedAt: string,
  verdict: Verdict,
  tests: { testId: string; status: TestStatus; misconception?: string }[] = [],
  extra: { regradeOfId?: string; tampered?: boolean; result?: object; interviewSessionId?: string } = {},
) {
  const created = await prisma.submission.create({
    data: {
      userId: user.id,
      itemId,
      code: "pass",
      status: "DONE",
      verdict,
      score: verdict === "PASSED" ? 1 : 0,
      queuedAt: at(queuedAt),
      finishedAt: at(queuedAt),
      regradeOfId: extra.regradeOfId,
      tampered: extra.tampered ?? false,
      result: extra.result,
      interviewSessionId: extra.interviewSessionId,
      testResults: {
        create: tests.map((test, position) => ({
          testId: test.testId,
          position: Number(test.testId.slice(1)),
          nameZh: `测试 ${test.testId}`,
          nameEn: `test ${test.testId}`,
          status: test.status,
          weight: 1,
          misconception: test.misconception ?? null,
          messageEn: position === 0 ? "first" : null,
        })),
      },
    },
  });
  submission[name] = created.id;
  return created.id;
}

async function attempt(user: SeededUser, startedAt: string, submittedAt: string | null, score: number | null, answer: string, options: { interviewSessionId?: string } = {}) {
  const correct = answer === "a";
  await prisma.quizAttempt.create({
    data: {
      userId: user.id,
      itemId: ids.quiz,
      interviewSessionId: options.interviewSessionId,
      questionIds: [ids.question],
      startedAt: at(startedAt),
      submittedAt: submittedAt ? at(submittedAt) : null,
      score,
      answers: {
        create: [{ questionId: ids.question, answer: { kind: "single_choice", option: answer }, correct, score: correct ? 1 : 0, answeredAt: at(startedAt) }],
      },
    },
  });
}

beforeAll(async () => {
  await prisma.course.create({ data: { id: ids.course, slug: "insights-course", titleZh: "课程", titleEn: "Course", contentHash: "t" } });
  await prisma.chapter.create({ data: { id: ids.chapter, courseId: ids.course, slug: "basics", position: 0, titleZh: "基础", titleEn: "Basics", contentHash: "t" } });
  const item = (itemId: string, kind: "EXERCISE" | "QUIZ", slug: string, position: number, concepts: string[]) =>
    prisma.courseItem.create({
      data: { id: itemId, chapterId: ids.chapter, kind, slug, position, titleZh: slug, titleEn: slug, contentHash: "t", content: { concepts, difficulty: "beginner" } },
    });
  await item(ids.ex1, "EXERCISE", "ex-one", 0, ["gather", "await"]);
  await item(ids.ex2, "EXERCISE", "ex-two", 1, ["gather"]);
  await item(ids.quiz, "QUIZ", "quiz-one", 2, ["await"]);
  await prisma.quizQuestion.create({
    data: {
      id: ids.question,
      kind: "SINGLE_CHOICE",
      difficulty: 1,
      concepts: ["await"],
      contentHash: "t",
      content: {
        bank: "bank",
        topic: { "zh-CN": "主题", en: "Topic" },
        id: ids.question,
        kind: "single_choice",
        difficulty: 1,
        concepts: ["await"],
        seeds: [{ seed: "001", section: "intro" }],
        prompt: { "zh-CN": "await 做什么?", en: "What does await do?" },
        explanation: { "zh-CN": "解释", en: "Because" },
        options: [
          { id: "a", text: { "zh-CN": "让出控制权", en: "yields control" } },
          { id: "b", text: { "zh-CN": "新开一个线程", en: "starts a thread" } },
          { id: "c", text: { "zh-CN": "阻塞", en: "blocks" } },
        ],
        answer: "a",
      },
    },
  });

  teacher = await seedUser({ role: "TEACHER" });
  otherTeacher = await seedUser({ role: "TEACHER" });
  students = {
    s1: await seedUser({ name: "Ada" }),
    s2: await seedUser({ name: "Bo" }),
    s3: await seedUser({ name: "Cy" }),
    outsider: await seedUser({ name: "Out" }),
    removed: await seedUser({ name: "Gone" }),
  };
  const { s1, s2, s3, outsider, removed } = students;
  classId = (await seedClass({ courseId: ids.course, owner: teacher, students: [s1, s2, s3, removed] })).id;
  otherClassId = (await seedClass({ courseId: ids.course, owner: otherTeacher, students: [outsider] })).id;
  await prisma.enrolment.deleteMany({ where: { classId, userId: removed.id } });

  const sequential = { testId: "t1", status: "FAILED" as const, misconception: "sequential" };
  // s1: fails once, then passes 30 minutes later: 2 attempts, 1800 s.
  await submit("s1a", s1, ids.ex1, "2026-12-01T10:00:00", "FAILED", [sequential, { testId: "t2", status: "PASSED" }]);
  await submit("s1b", s1, ids.ex1, "2026-12-01T10:30:00", "PASSED", [{ testId: "t1", status: "PASSED" }]);
  // s2: two failures, a pass a day after the first, then a failure again (the latest counts for failing tests).
  await submit("s2a", s2, ids.ex1, "2026-12-01T09:00:00", "FAILED", [sequential]);
  await submit("s2b", s2, ids.ex1, "2026-12-01T09:10:00", "FAILED", [sequential]);
  await submit("s2c", s2, ids.ex1, "2026-12-02T09:00:00", "PASSED", []);
  await submit("s2d", s2, ids.ex1, "2026-12-02T10:00:00", "FAILED", [sequential]);
  // s3: a failure, a grader error (not theirs), then a blocking-sleep failure whose regrade says sequential.
  await submit("s3a", s3, ids.ex1, "2026-12-01T12:00:00", "FAILED", [sequential]);
  await submit("s3b", s3, ids.ex1, "2026-12-01T12:05:00", "GRADER_ERROR", []);
  await submit("s3c", s3, ids.ex1, "2026-12-01T13:00:00", "FAILED", [{ testId: "t2", status: "FAILED", misconception: "blocking-sleep" }]);
  await submit("s3c-regrade", s3, ids.ex1, "2026-12-03T08:00:00", "FAILED", [sequential, { testId: "t2", status: "PASSED" }], { regradeOfId: submission.s3c });
  // ex2: s1 fails an author's own misconception; s3's program tampers.
  await submit("s1ex2", s1, ids.ex2, "2026-12-01T15:00:00", "FAILED", [{ testId: "t3", status: "ERROR", misconception: "author-own" }]);
  await submit("s3ex2", s3, ids.ex2, "2026-12-01T16:00:00", "FAILED", [], {
    tampered: true,
    result: { tampering: [{ what: "frames", detail: "read the judge's frame", line: 3 }] },
  });
  // Work that must not count: outside the class, removed from it, in an interview.
  await submit("outsider", outsider, ids.ex1, "2026-12-01T10:00:00", "FAILED", [sequential]);
  await submit("removed", removed, ids.ex1, "2026-12-01T10:00:00", "FAILED", [sequential], { tampered: true });
  const interview = await prisma.interviewSession.create({ data: { userId: s1.id, config: {}, endsAt: at("2026-12-05T00:00:00") } });
  await submit("interview", s1, ids.ex1, "2026-12-04T10:00:00", "FAILED", [sequential], { interviewSessionId: interview.id });

  // The quiz: s1 fails (0.5) then passes (1.0) two days later; s2 scores 0.6; s3 answered but never submitted.
  await attempt(s1, "2026-12-01T13:50:00", "2026-12-01T14:00:00", 0.5, "b");
  await attempt(s1, "2026-12-03T09:50:00", "2026-12-03T10:00:00", 1, "a");
  await attempt(s2, "2026-12-02T11:00:00", "2026-12-02T11:05:00", 0.6, "b");
  await attempt(s3, "2026-12-02T12:00:00", null, null, "a");
  await attempt(outsider, "2026-12-02T12:00:00", "2026-12-02T12:05:00", 0, "c");
  await attempt(outsider, "2026-12-02T12:00:00", "2026-12-02T12:05:00", 0, "c");
  await attempt(s2, "2026-12-04T12:00:00", "2026-12-04T12:05:00", 0, "c", { interviewSessionId: interview.id });
});

describe("getClassInsights", () => {
  let insights: ClassInsights;
  beforeAll(async () => {
    insights = await getClassInsights(teacher, classId);
  });
  const item = (itemId: string) => insights.items.find((entry) => entry.id === itemId)!;

  it("counts per item: started, solved, solve rate, median attempts and time until solved", () => {
    expect(insights.studentCount).toBe(3);
    expect(insights.items.map((entry) => entry.id)).toEqual([ids.ex1, ids.ex2, ids.quiz]);
    expect(item(ids.ex1)).toMatchObject({ started: 3, solved: 2, solveRate: 2 / 3, medianAttempts: 2.5, medianSecondsToSolve: (1800 + 86400) / 2, medianScore: null });
    expect(item(ids.ex2)).toMatchObject({ started: 2, solved: 0, solveRate: 0, medianAttempts: null, medianSecondsToSolve: null });
    // Quiz: s1 passed on the 2nd attempt, 44 h 10 min after starting the first; median best score of 1.0 and 0.6.
    expect(item(ids.quiz)).toMatchObject({ started: 2, solved: 1, solveRate: 0.5, medianAttempts: 2, medianSecondsToSolve: 44 * 3600 + 600 });
    expect(item(ids.quiz).medianScore).toBeCloseTo(0.8);
  });

  it("groups failing tests of each student's latest submission by misconception, with the regrade's results and links", () => {
    expect(insights.failingTests.map((test) => [test.item.id, test.testId, test.misconception, test.count])).toEqual([
      [ids.ex1, "t1", "sequential", 2],
      [ids.ex2, "t3", "author-own", 1],
    ]);
    const [sequential, own] = insights.failingTests;
    expect(sequential!.sentence).toEqual({ "zh-CN": "2 名学生:协程一个接一个地运行了", en: "2 students: the coroutines ran one after another" });
    expect(sequential!.submissions.map((entry) => [entry.name, entry.submissionId])).toEqual([
      ["Bo", submission.s2d],
      ["Cy", submission.s3c],
    ]);
    expect(sequential!.submissions[0]!.href).toBe(`/teach/classes/${classId}/students/${students.s2.id}/items/${ids.ex1}#submission-${submission.s2d}`);
    expect(own!.label).toEqual({ "zh-CN": "测试 t3(author-own)", en: "test t3 (author-own)" });
    expect(own!.sentence.en).toBe("1 student: test t3 (author-own)");
  });

  it("gives each quiz question's facility over first answers and the most chosen wrong option's text", () => {
    expect(insights.questions).toHaveLength(1);
    expect(insights.questions[0]).toMatchObject({
      questionId: ids.question,
      answered: 3,
      correct: 1,
      facility: 1 / 3,
      mostChosenWrong: { answer: { "zh-CN": "新开一个线程", en: "starts a thread" }, count: 2 },
    });
  });

  it("gives class mastery per concept as the mean over students", () => {
    expect(insights.concepts).toEqual([
      { concept: "gather", items: 2, mastery: (2 + 0) / (3 * 2) },
      { concept: "await", items: 2, mastery: (2 + 1) / (3 * 2) },
    ]);
  });

  it("draws the progress per day: cumulative solved pairs and active students", () => {
    expect(insights.progress).toEqual([
      { day: "2026-12-01", solvedTotal: 1, active: 3 },
      { day: "2026-12-02", solvedTotal: 2, active: 1 },
      { day: "2026-12-03", solvedTotal: 3, active: 1 },
    ]);
  });

  it("counts days in the teacher's time zone", async () => {
    const kiritimati = await getClassInsights(teacher, classId, { timeZone: "Pacific/Kiritimati" });
    // UTC+14: only s2's 09:00 and 09:10 submissions fall on 1 December; s1's 10:30 pass and s2's pass (09:00 UTC) on 2 December.
    expect(kiritimati.progress[0]).toEqual({ day: "2026-12-01", solvedTotal: 0, active: 1 });
    expect(kiritimati.progress[1]).toMatchObject({ day: "2026-12-02", solvedTotal: 2 });
  });

  it("lists tampered submissions of the class's students with how", () => {
    expect(insights.tampered).toHaveLength(1);
    expect(insights.tampered[0]).toMatchObject({
      studentId: students.s3.id,
      name: "Cy",
      submissionId: submission.s3ex2,
      href: submissionHref(classId, students.s3.id, ids.ex2, submission.s3ex2!),
      reports: [{ what: "frames", detail: "read the judge's frame", line: 3 }],
    });
    expect(insights.tampered[0]!.item?.id).toBe(ids.ex2);
  });

  it("filters to one assignment's items", async () => {
    const assignment = await prisma.assignment.create({
      data: { classId, title: "Week 1", opensAt: at("2026-11-30T00:00:00"), dueAt: at("2026-12-10T00:00:00"), items: { create: [{ itemId: ids.ex2, position: 0 }] } },
    });
    const filtered = await getClassInsights(teacher, classId, { assignmentId: assignment.id });
    expect(filtered.assignment).toEqual({ id: assignment.id, title: "Week 1" });
    expect(filtered.items.map((entry) => entry.id)).toEqual([ids.ex2]);
    expect(filtered.failingTests.map((test) => test.testId)).toEqual(["t3"]);
    expect(filtered.questions).toEqual([]);
    expect(filtered.progress.at(-1)?.solvedTotal ?? 0).toBe(0);
  });
});

describe("the number of queries", () => {
  it("is the same for 3 students and for 20", async () => {
    const big = await Promise.all(Array.from({ length: 20 }, (_, index) => seedUser({ name: `Student ${index}` })));
    const bigClass = await seedClass({ courseId: ids.course, owner: teacher, students: big });
    for (const [index, student] of big.entries()) {
      await submit(`big${index}`, student, ids.ex1, "2026-12-01T10:00:00", index % 2 ? "PASSED" : "FAILED", [sequential(index)]);
      await attempt(student, "2026-12-01T11:00:00", "2026-12-01T11:05:00", index % 3 ? 1 : 0, index % 3 ? "a" : "b");
    }
    const count = async (id: string) => {
      const before = databaseQueryCount();
      await getClassInsights(teacher, id);
      return databaseQueryCount() - before;
    };
    const small = await count(classId);
    expect(await count(bigClass.id)).toBe(small);
    expect(small).toBeLessThanOrEqual(12);
  });
  const sequential = (index: number) => ({ testId: "t1", status: (index % 2 ? "PASSED" : "FAILED") as TestStatus, misconception: "sequential" });
});

describe("who may see them", () => {
  it("refuses a student (403), another class's teacher and unknown ids (404)", async () => {
    await expect(getClassInsights(students.s1, classId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getClassInsights(otherTeacher, classId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getClassInsights(teacher, id(999))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getClassInsights(teacher, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getClassInsights(teacher, classId, { assignmentId: id(998) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const foreign = await prisma.assignment.create({ data: { classId: otherClassId, title: "Theirs", opensAt: new Date(), dueAt: new Date() } });
    await expect(getClassInsights(teacher, classId, { assignmentId: foreign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  const get = (path: string, cookie?: string) => GET(jsonRequest(path, { method: "GET", cookie }), routeContext({ classId: path.split("/")[3]! }));

  it("answers over HTTP: 200 for the teacher, 401 signed out, 403 a student, 404 another teacher, 400 a malformed assignment", async () => {
    const ok = await get(`/api/classes/${classId}/insights`, teacher.cookie);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { insights: ClassInsights }).insights.studentCount).toBe(3);
    expect((await get(`/api/classes/${classId}/insights`)).status).toBe(401);
    expect((await get(`/api/classes/${classId}/insights`, students.s1.cookie)).status).toBe(403);
    const other = await get(`/api/classes/${classId}/insights`, otherTeacher.cookie);
    expect(other.status).toBe(404);
    const invalid = await get(`/api/classes/${classId}/insights?assignment=nope`, teacher.cookie);
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { error: { message: { "zh-CN": string; en: string } } };
    expect(body.error.message["zh-CN"]).toBeTruthy();
    expect(body.error.message.en).toBeTruthy();
  });
});
