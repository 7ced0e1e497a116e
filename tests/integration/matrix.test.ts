/**
 * The progress matrix, a student's page, the drill-down and the CSV exports
 * against a real PostgreSQL: a small course written as content:sync stores
 * it, then Progress rows, submissions and quiz attempts as the grader and the
 * quiz pages write them, for students of a class.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { databaseQueryCount, prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getProgressMatrix } from "@/lib/matrix/get-progress-matrix";
import { getStudentItemWork } from "@/lib/matrix/get-student-item-work";
import { getStudentWork } from "@/lib/matrix/get-student-work";
import { exportMatrix } from "@/lib/export/export-matrix";
import { exportAssignmentSubmissions } from "@/lib/export/export-assignment-submissions";
import { GET as getMatrixCsv } from "@/app/api/classes/[classId]/export/matrix/route";
import { GET as getAssignmentCsv } from "@/app/api/classes/[classId]/assignments/[assignmentId]/export/route";
import { seedClass, seedUser, type SeededUser } from "../support/teaching";
import { jsonRequest, routeContext } from "../support/requests";

const id = (n: number) => `6b2e0c00-0000-4000-8000-${String(n).padStart(12, "0")}`;
const ids = { course: id(1), basics: id(2), more: id(3), lesson: id(10), gather: id(11), quiz: id(12), tasks: id(13), question: id(20), question2: id(21) };
const NOW = new Date("2026-12-10T12:00:00Z");
const at = (iso: string) => new Date(iso);

let teacher: SeededUser;
let otherTeacher: SeededUser;
let ana: SeededUser; // Chinese name, solved gather late (no extension), passed the quiz
let bo: SeededUser; // struggling on gather, extension on the assignment
let cy: SeededUser; // nothing started
let outsider: SeededUser; // in another class
let classId: string;
let assignmentId: string;

async function expectNotFound(promise: Promise<unknown>) {
  await expect(promise).rejects.toSatisfy((error) => error instanceof AppError && error.code === "NOT_FOUND");
}

beforeAll(async () => {
  await prisma.course.create({ data: { id: ids.course, slug: "matrix-course", titleZh: "异步", titleEn: "Asyncio", contentHash: "t" } });
  await prisma.chapter.createMany({
    data: [
      { id: ids.basics, courseId: ids.course, slug: "basics", position: 0, titleZh: "基础", titleEn: "Basics", contentHash: "t" },
      { id: ids.more, courseId: ids.course, slug: "more", position: 1, titleZh: "进阶", titleEn: "More", contentHash: "t" },
    ],
  });
  await prisma.courseItem.createMany({
    data: [
      { id: ids.lesson, chapterId: ids.basics, kind: "LESSON", slug: "m-lesson", position: 0, titleZh: "课文", titleEn: "Lesson", contentHash: "t", content: {} },
      { id: ids.gather, chapterId: ids.basics, kind: "EXERCISE", slug: "m-gather", position: 1, titleZh: "并发获取", titleEn: "Gather", contentHash: "t", content: { concepts: ["gather"] } },
      { id: ids.quiz, chapterId: ids.basics, kind: "QUIZ", slug: "m-quiz", position: 2, titleZh: "测验", titleEn: "Quiz", contentHash: "t", content: { concepts: ["await"], questions: [ids.question, ids.question2], estimatedMinutes: 5 } },
      { id: ids.tasks, chapterId: ids.more, kind: "EXERCISE", slug: "m-tasks", position: 0, titleZh: "创建任务", titleEn: "Tasks", contentHash: "t", content: { concepts: ["create-task"] } },
    ],
  });
  await prisma.quizQuestion.createMany({
    data: [
      {
        id: ids.question, kind: "SINGLE_CHOICE", difficulty: 1, concepts: ["await"], contentHash: "t",
        content: {
          id: ids.question, kind: "single_choice", bank: "b", difficulty: 1, concepts: ["await"], topic: { "zh-CN": "t", en: "t" },
          prompt: { "zh-CN": "哪个并发?", en: "Which is concurrent?" }, explanation: { "zh-CN": "因为", en: "Because" },
          seeds: [{ seed: "001", section: "1" }], options: [{ id: "a", text: { "zh-CN": "gather", en: "gather" } }, { id: "b", text: { "zh-CN": "顺序", en: "sequential" } }], answer: "a",
        },
      },
      {
        id: ids.question2, kind: "TRUE_FALSE", difficulty: 1, concepts: ["await"], contentHash: "t",
        content: {
          id: ids.question2, kind: "true_false", bank: "b", difficulty: 1, concepts: ["await"], topic: { "zh-CN": "t", en: "t" },
          prompt: { "zh-CN": "await 会让出控制权", en: "await yields control" }, explanation: { "zh-CN": "因为", en: "Because" },
          seeds: [{ seed: "001", section: "1" }], answer: true,
        },
      },
    ],
  });

  teacher = await seedUser({ role: "TEACHER", name: "Teacher" });
  otherTeacher = await seedUser({ role: "TEACHER", name: "Other" });
  ana = await seedUser({ name: "=张三", email: "ana@example.org" });
  bo = await seedUser({ name: "Bo, Jr.", email: "bo@example.org" });
  cy = await seedUser({ name: "Cy", email: "cy@example.org" });
  outsider = await seedUser({ name: "Outsider" });
  const klass = await seedClass({ courseId: ids.course, owner: teacher, students: [ana, bo, cy], name: "一班" });
  classId = klass.id;
  await seedClass({ courseId: ids.course, owner: otherTeacher, students: [outsider] });

  const assignment = await prisma.assignment.create({
    data: {
      classId, title: "第一周", opensAt: at("2026-12-01T00:00:00Z"), dueAt: at("2026-12-05T00:00:00Z"),
      latePenalty: [{ afterHours: 0, percent: 10 }, { afterHours: 24, percent: 50 }],
      items: { create: [{ itemId: ids.gather, position: 0 }, { itemId: ids.quiz, position: 1 }] },
      extensions: { create: [{ userId: bo.id, dueAt: at("2026-12-20T00:00:00Z") }] },
    },
  });
  assignmentId = assignment.id;

  // Ana: two submissions on gather (fail, then pass 2 h late), a hint; lesson read (ignored); quiz passed on time.
  await prisma.progress.createMany({
    data: [
      { userId: ana.id, itemId: ids.gather, bestScore: 1, attempts: 2, solvedAt: at("2026-12-05T02:00:00Z"), lastAttemptAt: at("2026-12-05T02:00:00Z"), hintsRevealed: 1 },
      { userId: ana.id, itemId: ids.lesson, bestScore: 1, attempts: 0, solvedAt: at("2026-12-02T00:00:00Z"), lastAttemptAt: at("2026-12-02T00:00:00Z") },
      { userId: bo.id, itemId: ids.gather, bestScore: 0.5, attempts: 3, solvedAt: null, lastAttemptAt: at("2026-12-06T00:00:00Z"), hintsRevealed: 2 },
    ],
  });
  const first = await prisma.submission.create({
    data: { userId: ana.id, itemId: ids.gather, code: "import asyncio\nprint(1)\n", status: "DONE", verdict: "FAILED", score: 0.5, queuedAt: at("2026-12-04T10:00:00Z"),
      testResults: { create: [{ testId: "t1", position: 0, nameZh: "并发", nameEn: "Concurrent", status: "FAILED", weight: 1, messageZh: "太慢", messageEn: "Too slow", durationSeconds: 1.5, expectedSeconds: 0.5, toleranceSeconds: 0.05, misconception: "sequential-await" }] } },
  });
  await prisma.submission.create({
    data: { userId: ana.id, itemId: ids.gather, code: "import asyncio\nprint(2)\n", status: "DONE", verdict: "PASSED", score: 1, queuedAt: at("2026-12-05T02:00:00Z"),
      testResults: { create: [{ testId: "t1", position: 0, nameZh: "并发", nameEn: "Concurrent", status: "PASSED", weight: 1, durationSeconds: 0.5, expectedSeconds: 0.5, toleranceSeconds: 0.05 }] } },
  });
  // A teacher's regrade of the first: counted at the first's time, marked as a regrade.
  await prisma.submission.create({
    data: { userId: ana.id, itemId: ids.gather, code: "import asyncio\nprint(1)\n", status: "DONE", verdict: "FAILED", score: 0.5, queuedAt: at("2026-12-09T00:00:00Z"), regradeOfId: first.id },
  });
  // Bo: three failing submissions, one of them tampered.
  for (const [index, day] of ["04", "05", "06"].entries()) {
    await prisma.submission.create({
      data: { userId: bo.id, itemId: ids.gather, code: `print(${index})`, status: "DONE", verdict: "FAILED", score: index === 2 ? 0 : 0.5, tampered: index === 2, queuedAt: at(`2026-12-${day}T00:00:00Z`) },
    });
  }
  // Ana's quiz: a failed attempt, then a pass; an unfinished one; an interview attempt that does not count.
  await prisma.quizAttempt.create({ data: { userId: ana.id, itemId: ids.quiz, questionIds: [ids.question, ids.question2], startedAt: at("2026-12-03T00:00:00Z"), submittedAt: at("2026-12-03T00:10:00Z"), score: 0.5,
    answers: { create: [{ questionId: ids.question, answer: { kind: "single_choice", option: "b" }, correct: false, score: 0 }, { questionId: ids.question2, answer: { kind: "true_false", value: true }, correct: true, score: 1 }] } } });
  await prisma.quizAttempt.create({ data: { userId: ana.id, itemId: ids.quiz, questionIds: [ids.question, ids.question2], startedAt: at("2026-12-04T00:00:00Z"), submittedAt: at("2026-12-04T00:10:00Z"), score: 1,
    answers: { create: [{ questionId: ids.question, answer: { kind: "single_choice", option: "a" }, correct: true, score: 1 }, { questionId: ids.question2, answer: { kind: "true_false", value: true }, correct: true, score: 1 }] } } });
  await prisma.quizAttempt.create({ data: { userId: ana.id, itemId: ids.quiz, questionIds: [ids.question], startedAt: at("2026-12-08T00:00:00Z") } });
  // Another class's student's work never shows.
  await prisma.progress.create({ data: { userId: outsider.id, itemId: ids.gather, bestScore: 1, attempts: 1, solvedAt: at("2026-12-02T00:00:00Z") } });
});

const row = (matrix: Awaited<ReturnType<typeof getProgressMatrix>>, user: SeededUser) => matrix.rows.find((candidate) => candidate.student.id === user.id)!;
const column = (matrix: Awaited<ReturnType<typeof getProgressMatrix>>, itemId: string) => matrix.items.findIndex((item) => item.id === itemId);

describe("the progress matrix", () => {
  it("has the class's exercises and quizzes (no lessons) and its students", async () => {
    const matrix = await getProgressMatrix(teacher, classId, {}, NOW);
    expect(matrix.items.map((item) => item.slug)).toEqual(["m-gather", "m-quiz", "m-tasks"]);
    expect(matrix.rows.map((candidate) => candidate.student.email)).toEqual(["ana@example.org", "bo@example.org", "cy@example.org"]);
    expect(matrix.enrolled).toBe(3);
  });

  it("computes each cell: status, best score, attempts, hints, first solve, lateness", async () => {
    const matrix = await getProgressMatrix(teacher, classId, {}, NOW);
    const gather = column(matrix, ids.gather);
    const quiz = column(matrix, ids.quiz);
    const anaGather = row(matrix, ana).cells[gather]!;
    expect(anaGather).toMatchObject({ status: "solved", bestScore: 1, attempts: 2, hintsRevealed: 1, struggling: false, lateness: "late" });
    expect(anaGather.firstSolvedAt).toEqual(at("2026-12-05T02:00:00Z"));
    expect(anaGather.firstAttemptAt).toEqual(at("2026-12-04T10:00:00Z"));
    const anaQuiz = row(matrix, ana).cells[quiz]!;
    expect(anaQuiz).toMatchObject({ status: "solved", bestScore: 1, attempts: 2, lateness: "on-time" });
    expect(anaQuiz.firstSolvedAt).toEqual(at("2026-12-04T00:10:00Z"));
    // Bo has an extension to the 20th: not yet missing on the 10th.
    expect(row(matrix, bo).cells[gather]).toMatchObject({ status: "attempted", bestScore: 0.5, attempts: 3, hintsRevealed: 2, struggling: true, lateness: "on-time" });
    // Cy has no extension: the quiz is missing.
    expect(row(matrix, cy).cells[quiz]).toMatchObject({ status: "not-started", bestScore: null, attempts: 0, lateness: "missing" });
    // An item in no assignment is never late.
    expect(row(matrix, cy).cells[column(matrix, ids.tasks)]!.lateness).toBeNull();
    expect(row(matrix, ana)).toMatchObject({ solved: 2 });
    expect(row(matrix, ana).averageScore).toBeCloseTo(2 / 3);
    expect(matrix.solveRates).toEqual([1 / 3, 1 / 3, 0]);
  });

  it("is missing after the extension passes too", async () => {
    const matrix = await getProgressMatrix(teacher, classId, { assignment: assignmentId }, at("2026-12-21T00:00:00Z"));
    expect(row(matrix, bo).cells[column(matrix, ids.gather)]!.lateness).toBe("missing");
  });

  it("filters by assignment, chapter, concept, not started, struggling", async () => {
    const byAssignment = await getProgressMatrix(teacher, classId, { assignment: assignmentId }, NOW);
    expect(byAssignment.items.map((item) => item.slug)).toEqual(["m-gather", "m-quiz"]);
    expect((await getProgressMatrix(teacher, classId, { chapter: "more" }, NOW)).items.map((item) => item.slug)).toEqual(["m-tasks"]);
    expect((await getProgressMatrix(teacher, classId, { concept: "await" }, NOW)).items.map((item) => item.slug)).toEqual(["m-quiz"]);
    const notStarted = await getProgressMatrix(teacher, classId, { view: "not-started" }, NOW);
    expect(notStarted.rows.map((candidate) => candidate.student.email)).toEqual(["cy@example.org"]);
    const struggling = await getProgressMatrix(teacher, classId, { view: "struggling" }, NOW);
    expect(struggling.rows.map((candidate) => candidate.student.email)).toEqual(["bo@example.org"]);
    // Another class's assignment filters nothing.
    const foreign = await getProgressMatrix(teacher, classId, { assignment: id(999) }, NOW);
    expect(foreign.items).toHaveLength(3);
    expect(foreign.filters.assignment).toBeUndefined();
  });

  it("sorts by student, by an item's score, by total", async () => {
    const emails = async (filters: Parameters<typeof getProgressMatrix>[2]) =>
      (await getProgressMatrix(teacher, classId, filters, NOW)).rows.map((candidate) => candidate.student.email.slice(0, 2));
    expect(await emails({ sort: "student", dir: "desc" })).toEqual(["cy", "bo", "an"]);
    expect(await emails({ sort: "item", item: ids.gather })).toEqual(["an", "bo", "cy"]);
    expect(await emails({ sort: "item", item: ids.gather, dir: "asc" })).toEqual(["cy", "bo", "an"]);
    expect(await emails({ sort: "total", dir: "asc" })).toEqual(["cy", "bo", "an"]);
  });

  it("sends as many queries for 30 students as for 3", async () => {
    const small = await seedClass({ courseId: ids.course, owner: teacher, students: [ana, bo, cy] });
    const many = await Promise.all(Array.from({ length: 30 }, (_, index) => seedUser({ name: `S${index}` })));
    const large = await seedClass({ courseId: ids.course, owner: teacher, students: many });
    await prisma.progress.createMany({ data: many.map((student) => ({ userId: student.id, itemId: ids.gather, bestScore: 0.5, attempts: 1 })) });
    await prisma.submission.createMany({ data: many.map((student) => ({ userId: student.id, itemId: ids.gather, code: "x", status: "DONE" as const, verdict: "FAILED" as const, score: 0.5 })) });
    const count = async (klass: string) => {
      const before = databaseQueryCount();
      const matrix = await getProgressMatrix(teacher, klass, {}, NOW);
      return { queries: databaseQueryCount() - before, rows: matrix.rows.length };
    };
    await count(small.id); // warm-up
    const three = await count(small.id);
    const thirty = await count(large.id);
    expect(three.rows).toBe(3);
    expect(thirty.rows).toBe(30);
    expect(thirty.queries).toBe(three.queries);
  });
});

describe("refusals", () => {
  it("refuses a student, another class's teacher, a student of another class, a removed student, unknown ids", async () => {
    await expectNotFound(getProgressMatrix(ana, classId, {}));
    await expectNotFound(getProgressMatrix(otherTeacher, classId, {}));
    await expectNotFound(getProgressMatrix(teacher, id(998), {}));
    await expectNotFound(getProgressMatrix(teacher, "not-a-uuid", {}));
    await expectNotFound(getStudentWork(teacher, classId, outsider.id));
    await expectNotFound(getStudentWork(otherTeacher, classId, ana.id));
    await expectNotFound(getStudentItemWork(teacher, classId, ana.id, id(997)));
    await expectNotFound(getStudentItemWork(teacher, classId, ana.id, ids.lesson));
    const removed = await seedUser({ name: "Gone" });
    const klass = await seedClass({ courseId: ids.course, owner: teacher, students: [removed] });
    await getStudentWork(teacher, klass.id, removed.id);
    await prisma.enrolment.deleteMany({ where: { classId: klass.id, userId: removed.id } });
    await expectNotFound(getStudentWork(teacher, klass.id, removed.id));
    await expectNotFound(getStudentItemWork(teacher, klass.id, removed.id, ids.gather));
  });

  it("answers 403 to a student, 404 to another teacher, 400 to a bad assignment id, 404 to an unknown one", async () => {
    const matrixUrl = `/api/classes/${classId}/export/matrix`;
    expect((await getMatrixCsv(jsonRequest(matrixUrl, { method: "GET", cookie: ana.cookie }), routeContext({ classId }))).status).toBe(403);
    expect((await getMatrixCsv(jsonRequest(matrixUrl, { method: "GET", cookie: otherTeacher.cookie }), routeContext({ classId }))).status).toBe(404);
    expect((await getMatrixCsv(jsonRequest(matrixUrl, { method: "GET" }), routeContext({ classId }))).status).toBe(401);
    const bad = await getMatrixCsv(jsonRequest(`${matrixUrl}?assignment=nope`, { method: "GET", cookie: teacher.cookie }), routeContext({ classId }));
    expect(bad.status).toBe(400);
    const foreign = await getMatrixCsv(jsonRequest(`${matrixUrl}?assignment=${id(995)}`, { method: "GET", cookie: teacher.cookie }), routeContext({ classId }));
    expect(foreign.status).toBe(404);
    const body = (await bad.json()) as { error: { message: { "zh-CN": string; en: string } } };
    expect(body.error.message["zh-CN"]).toBeTruthy();
    expect(body.error.message.en).toBeTruthy();
    const assignmentUrl = (assignment: string) => `/api/classes/${classId}/assignments/${assignment}/export`;
    expect((await getAssignmentCsv(jsonRequest(assignmentUrl(assignmentId), { method: "GET", cookie: ana.cookie }), routeContext({ classId, assignmentId }))).status).toBe(403);
    expect((await getAssignmentCsv(jsonRequest(assignmentUrl(assignmentId), { method: "GET", cookie: otherTeacher.cookie }), routeContext({ classId, assignmentId }))).status).toBe(404);
    const unknown = await getAssignmentCsv(jsonRequest(assignmentUrl(id(996)), { method: "GET", cookie: teacher.cookie }), routeContext({ classId, assignmentId: id(996) }));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: { en: string } } }).error.message.en).toBe("This class has no such assignment.");
  });
});

describe("a student's page and the drill-down", () => {
  it("lists everything the student did, newest first, with lateness and flags", async () => {
    const work = await getStudentWork(teacher, classId, bo.id, NOW);
    expect(work.solved).toBe(0);
    expect(work.entries.map((entry) => entry.type === "submission" && [entry.tampered, entry.late])).toEqual([
      [true, false],
      [false, false],
      [false, false],
    ]);
    const anaWork = await getStudentWork(teacher, classId, ana.id, NOW);
    expect(anaWork.entries[0]).toMatchObject({ type: "submission", regrade: true });
    expect(anaWork.entries.filter((entry) => entry.type === "quiz")).toHaveLength(3);
    expect(anaWork.entries.find((entry) => entry.type === "submission" && entry.verdict === "PASSED")).toMatchObject({ late: true });
  });

  it("shows each exercise submission with code, the previous code, tests and regrades", async () => {
    const work = await getStudentItemWork(teacher, classId, ana.id, ids.gather, NOW);
    expect(work.submissions.map((submission) => [submission.number, submission.regradeOf?.number ?? null])).toEqual([[1, null], [2, null], [1, 1]]);
    expect(work.submissions[0]!.previousCode).toBeNull();
    expect(work.submissions[1]!.previousCode).toBe("import asyncio\nprint(1)\n");
    expect(work.submissions[0]!.tests[0]).toMatchObject({ status: "FAILED", misconception: "sequential-await", durationSeconds: 1.5, expectedSeconds: 0.5 });
    expect(work.spanMs).toBe(16 * 3600 * 1000);
    expect(work.cell.lateness).toBe("late");
  });

  it("shows each quiz attempt with its answers", async () => {
    const work = await getStudentItemWork(teacher, classId, ana.id, ids.quiz, NOW);
    expect(work.quizAttempts).toHaveLength(3);
    expect(work.quizAttempts[0]!.answers[0]).toMatchObject({ prompt: { en: "Which is concurrent?" }, answer: { en: "B. sequential" }, correct: false });
    expect(work.quizAttempts[0]!.answers[1]).toMatchObject({ answer: { en: "true" }, correct: true });
    expect(work.quizAttempts[2]!.answers[0]).toMatchObject({ answer: null, correct: null });
    expect(work.spanMs).toBe(24 * 3600 * 1000);
  });
});

describe("CSV exports", () => {
  it("exports the matrix: BOM, header, one record per student × item, Chinese intact, formulas defused", async () => {
    const { csv } = await exportMatrix(teacher, classId, assignmentId, NOW);
    expect(csv.split("\r\n")).toEqual([
      "\uFEFFstudent,email,item,title_zh,title_en,kind,status,best_score,attempts,hints,first_solved_at,late",
      "'=张三,ana@example.org,m-gather,并发获取,Gather,exercise,solved,1,2,1,2026-12-05T02:00:00.000Z,yes",
      "'=张三,ana@example.org,m-quiz,测验,Quiz,quiz,solved,1,2,0,2026-12-04T00:10:00.000Z,no",
      '"Bo, Jr.",bo@example.org,m-gather,并发获取,Gather,exercise,attempted,0.5,3,2,,no',
      '"Bo, Jr.",bo@example.org,m-quiz,测验,Quiz,quiz,not-started,,0,0,,no',
      "Cy,cy@example.org,m-gather,并发获取,Gather,exercise,not-started,,0,0,,yes",
      "Cy,cy@example.org,m-quiz,测验,Quiz,quiz,not-started,,0,0,,yes",
      "",
    ]);
  });

  it("answers text/csv with a BOM and a UTF-8 file name", async () => {
    const response = await getMatrixCsv(jsonRequest(`/api/classes/${classId}/export/matrix`, { method: "GET", cookie: teacher.cookie }), routeContext({ classId }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"__-progress.csv\"; filename*=UTF-8''%E4%B8%80%E7%8F%AD-progress.csv",
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain("'=张三,ana@example.org,m-tasks,创建任务,Tasks,exercise,not-started");
  });

  it("exports an assignment's submissions with lateness and penalties", async () => {
    const { csv } = await exportAssignmentSubmissions(teacher, classId, assignmentId);
    expect(csv.split("\r\n")).toEqual([
      "\uFEFFstudent,email,item,kind,submitted_at,verdict,score,late,hours_late,penalised_score,tampered",
      "'=张三,ana@example.org,m-gather,exercise,2026-12-04T10:00:00.000Z,FAILED,0.5,no,0,0.5,no",
      "'=张三,ana@example.org,m-gather,exercise,2026-12-05T02:00:00.000Z,PASSED,1,yes,2,0.9,no",
      "'=张三,ana@example.org,m-quiz,quiz,2026-12-03T00:10:00.000Z,FAILED,0.5,no,0,0.5,no",
      "'=张三,ana@example.org,m-quiz,quiz,2026-12-04T00:10:00.000Z,PASSED,1,no,0,1,no",
      '"Bo, Jr.",bo@example.org,m-gather,exercise,2026-12-04T00:00:00.000Z,FAILED,0.5,no,0,0.5,no',
      '"Bo, Jr.",bo@example.org,m-gather,exercise,2026-12-05T00:00:00.000Z,FAILED,0.5,no,0,0.5,no',
      '"Bo, Jr.",bo@example.org,m-gather,exercise,2026-12-06T00:00:00.000Z,FAILED,0,no,0,0,yes',
      "",
    ]);
    const response = await getAssignmentCsv(
      jsonRequest(`/api/classes/${classId}/assignments/${assignmentId}/export`, { method: "GET", cookie: teacher.cookie }),
      routeContext({ classId, assignmentId }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("filename*=UTF-8''%E4%B8%80%E7%8F%AD-%E7%AC%AC%E4%B8%80%E5%91%A8-submissions.csv");
  });
});
