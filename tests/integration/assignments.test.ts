/**
 * Assignments against a real PostgreSQL, through their route handlers:
 * creating, changing and deleting them (with the 400s a teacher can meet),
 * extensions, late marking with and without one, late penalties on the
 * per-student scores, a student's own assignments over two classes, and
 * every refusal (a student, another class's teacher, another class's
 * assignment, a student no longer in the class, unknown ids).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { databaseQueryCount, prisma } from "@/lib/db/client";
import { POST as createRoute, GET as listRoute } from "@/app/api/classes/[classId]/assignments/route";
import { PATCH as updateRoute, DELETE as deleteRoute, GET as getRoute } from "@/app/api/classes/[classId]/assignments/[assignmentId]/route";
import { PUT as extendRoute, DELETE as unextendRoute } from "@/app/api/classes/[classId]/assignments/[assignmentId]/extensions/[studentId]/route";
import { getAssignment } from "@/lib/assignments/get-assignment";
import { listClassAssignments } from "@/lib/assignments/list-class-assignments";
import { listMyAssignments } from "@/lib/assignments/list-my-assignments";
import { seedClass, seedUser, type SeededUser } from "../support/teaching";
import { jsonRequest, routeContext } from "../support/requests";

const id = (n: number) => `a5519000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const ids = {
  course: id(1),
  otherCourse: id(2),
  chapter: id(3),
  chapterTwo: id(4),
  otherChapter: id(5),
  exerciseOne: id(10),
  exerciseTwo: id(11),
  quiz: id(12),
  lesson: id(13),
  otherExercise: id(20),
  unknown: id(99),
};
const due = "2026-12-10T23:59:00+08:00";
const dueInstant = new Date(due);
const hoursAfterDue = (hours: number) => new Date(dueInstant.getTime() + hours * 3_600_000);

let teacher: SeededUser;
let otherTeacher: SeededUser;
let ada: SeededUser;
let bo: SeededUser;
let removed: SeededUser;
let outsider: SeededUser;
let classId: string;
let otherClassId: string;

async function seedCourse(courseId: string, slug: string, chapters: { id: string; items: { id: string; kind: "EXERCISE" | "QUIZ" | "LESSON" }[] }[]) {
  await prisma.course.create({ data: { id: courseId, slug, titleZh: slug, titleEn: slug, contentHash: "test" } });
  for (const [position, chapter] of chapters.entries()) {
    await prisma.chapter.create({ data: { id: chapter.id, courseId, slug: `${slug}-${position}`, position, titleZh: `章 ${position}`, titleEn: `Chapter ${position}`, contentHash: "test" } });
    for (const [itemPosition, item] of chapter.items.entries()) {
      await prisma.courseItem.create({
        data: { id: item.id, chapterId: chapter.id, kind: item.kind, slug: `${slug}-item-${item.id.slice(-2)}`, position: itemPosition, titleZh: `项 ${item.id.slice(-2)}`, titleEn: `Item ${item.id.slice(-2)}`, contentHash: "test", content: {} },
      });
    }
  }
}

const create = (cookie: string, body: unknown, inClass = classId) =>
  createRoute(jsonRequest(`/api/classes/${inClass}/assignments`, { cookie, body }), routeContext({ classId: inClass }));
const patch = (cookie: string, assignmentId: string, body: unknown, inClass = classId) =>
  updateRoute(jsonRequest(`/api/classes/${inClass}/assignments/${assignmentId}`, { method: "PATCH", cookie, body }), routeContext({ classId: inClass, assignmentId }));
const extend = (cookie: string, assignmentId: string, studentId: string, body: unknown, inClass = classId) =>
  extendRoute(
    jsonRequest(`/api/classes/${inClass}/assignments/${assignmentId}/extensions/${studentId}`, { method: "PUT", cookie, body }),
    routeContext({ classId: inClass, assignmentId, studentId }),
  );
const validBody = { title: "Week 1", opensAt: "2026-12-01T08:00:00+08:00", dueAt: due, itemIds: [ids.exerciseTwo, ids.exerciseOne, ids.quiz] };

type ErrorJson = { error: { code: string; message: { "zh-CN": string; en: string }; issues?: { path: string; message: { "zh-CN": string; en: string } }[] } };
async function expectBilingual400(response: Response, path: string, en: RegExp) {
  expect(response.status).toBe(400);
  const body = (await response.json()) as ErrorJson;
  const issue = body.error.issues?.find((candidate) => candidate.path === path) ?? (path === "" ? { message: body.error.message } : undefined);
  expect(issue, JSON.stringify(body)).toBeDefined();
  expect(issue!.message.en).toMatch(en);
  expect(issue!.message["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
}

async function createAssignment(body: unknown = validBody, inClass = classId): Promise<string> {
  const response = await create(teacher.cookie, body, inClass);
  expect(response.status).toBe(201);
  return ((await response.json()) as { assignment: { id: string } }).assignment.id;
}

beforeAll(async () => {
  await seedCourse(ids.course, "asyncio-a", [
    { id: ids.chapter, items: [{ id: ids.lesson, kind: "LESSON" }, { id: ids.exerciseOne, kind: "EXERCISE" }, { id: ids.quiz, kind: "QUIZ" }] },
    { id: ids.chapterTwo, items: [{ id: ids.exerciseTwo, kind: "EXERCISE" }] },
  ]);
  await seedCourse(ids.otherCourse, "asyncio-b", [{ id: ids.otherChapter, items: [{ id: ids.otherExercise, kind: "EXERCISE" }] }]);
  teacher = await seedUser({ role: "TEACHER" });
  otherTeacher = await seedUser({ role: "TEACHER" });
  ada = await seedUser({ name: "Ada" });
  bo = await seedUser({ name: "Bo" });
  removed = await seedUser({ name: "Removed" });
  outsider = await seedUser({ name: "Outsider" });
  classId = (await seedClass({ courseId: ids.course, owner: teacher, students: [ada, bo], name: "Class A" })).id;
  otherClassId = (await seedClass({ courseId: ids.otherCourse, owner: otherTeacher, students: [ada, outsider], name: "Class B" })).id;
});

describe("creating, changing and deleting an assignment", () => {
  it("creates one with its items in the order given, and lists it", async () => {
    const assignmentId = await createAssignment({ ...validBody, latePenalty: [{ afterHours: 0, percent: 10 }] });
    const stored = await prisma.assignmentItem.findMany({ where: { assignmentId }, orderBy: { position: "asc" } });
    expect(stored.map((item) => item.itemId)).toEqual([ids.exerciseTwo, ids.exerciseOne, ids.quiz]);
    const assignment = await prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(assignment.dueAt.toISOString()).toBe("2026-12-10T15:59:00.000Z");
    const list = await listRoute(jsonRequest(`/api/classes/${classId}/assignments`, { method: "GET", cookie: teacher.cookie }), routeContext({ classId }));
    const body = (await list.json()) as { assignments: { id: string; itemCount: number; counts: { students: number } }[] };
    expect(body.assignments.find((entry) => entry.id === assignmentId)).toMatchObject({ itemCount: 3, counts: { students: 2 } });
  });

  it("refuses invalid bodies with bilingual messages", async () => {
    await expectBilingual400(await create(teacher.cookie, { ...validBody, dueAt: "2026-11-30T08:00:00+08:00" }), "dueAt", /after the opening/);
    await expectBilingual400(await create(teacher.cookie, { ...validBody, itemIds: [ids.otherExercise] }), "itemIds.0", /not an exercise or quiz of this class/);
    await expectBilingual400(await create(teacher.cookie, { ...validBody, itemIds: [ids.exerciseOne, ids.unknown] }), "itemIds.1", /not an exercise or quiz of this class/);
    await expectBilingual400(await create(teacher.cookie, { ...validBody, itemIds: [ids.lesson] }), "itemIds.0", /not an exercise or quiz/);
    await expectBilingual400(await create(teacher.cookie, { ...validBody, itemIds: [] }), "itemIds", /at least one/);
    await expectBilingual400(await create(teacher.cookie, { ...validBody, title: "  " }), "title", /title/);
    await expectBilingual400(await create(teacher.cookie, { ...validBody, title: "x".repeat(121) }), "title", /120/);
    await expectBilingual400(await create(teacher.cookie, { ...validBody, dueAt: "2026-12-10T23:59" }), "dueAt", /time zone/);
    await expectBilingual400(
      await create(teacher.cookie, { ...validBody, latePenalty: [{ afterHours: 24, percent: 10 }, { afterHours: 0, percent: 5 }] }),
      "latePenalty",
      /ascending/,
    );
    await expectBilingual400(await create(teacher.cookie, { ...validBody, latePenalty: [{ afterHours: 1, percent: 150 }] }), "latePenalty.0.percent", /0–100/);
    expect(await prisma.assignment.count({ where: { title: { not: "Week 1" } } })).toBe(0);
  });

  it("updates title, dates and items, checking dates against the stored ones", async () => {
    const assignmentId = await createAssignment();
    const response = await patch(teacher.cookie, assignmentId, { title: "Week 1 (revised)", itemIds: [ids.quiz] });
    expect(response.status).toBe(200);
    expect((await prisma.assignmentItem.findMany({ where: { assignmentId } })).map((item) => item.itemId)).toEqual([ids.quiz]);
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).title).toBe("Week 1 (revised)");
    await expectBilingual400(await patch(teacher.cookie, assignmentId, { dueAt: "2026-11-01T00:00:00Z" }), "dueAt", /after the opening/);
    await expectBilingual400(await patch(teacher.cookie, assignmentId, { itemIds: [ids.otherExercise] }), "itemIds.0", /not an exercise or quiz/);
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).dueAt).toEqual(dueInstant);
  });

  it("deletes one, with its extensions", async () => {
    const assignmentId = await createAssignment();
    expect((await extend(teacher.cookie, assignmentId, ada.id, { dueAt: "2026-12-12T23:59:00+08:00" })).status).toBe(200);
    const response = await deleteRoute(jsonRequest(`/api/classes/${classId}/assignments/${assignmentId}`, { method: "DELETE", cookie: teacher.cookie }), routeContext({ classId, assignmentId }));
    expect(response.status).toBe(204);
    expect(await prisma.assignment.findUnique({ where: { id: assignmentId } })).toBeNull();
    expect(await prisma.assignmentExtension.count({ where: { assignmentId } })).toBe(0);
  });
});

describe("extensions, late marking and penalties", () => {
  let assignmentId: string;

  beforeAll(async () => {
    assignmentId = await createAssignment({
      ...validBody,
      title: "Late rules",
      itemIds: [ids.exerciseOne, ids.quiz],
      latePenalty: [
        { afterHours: 0, percent: 10 },
        { afterHours: 24, percent: 50 },
      ],
    });
    // Ada and Bo both solve exercise one 30 hours after the assignment's due date and pass the quiz on time.
    for (const student of [ada, bo]) {
      await prisma.progress.create({ data: { userId: student.id, itemId: ids.exerciseOne, bestScore: 1, attempts: 1, solvedAt: hoursAfterDue(30) } });
      await prisma.submission.create({ data: { userId: student.id, itemId: ids.exerciseOne, code: "pass", status: "DONE", verdict: "PASSED", score: 1, queuedAt: hoursAfterDue(30) } });
      await prisma.progress.create({ data: { userId: student.id, itemId: ids.quiz, bestScore: 1, attempts: 1, solvedAt: hoursAfterDue(-2) } });
      await prisma.quizAttempt.create({ data: { userId: student.id, itemId: ids.quiz, questionIds: [], submittedAt: hoursAfterDue(-2), score: 1 } });
    }
  });

  it("gives an enrolled student a later due date, and says so when it is not later", async () => {
    const response = await extend(teacher.cookie, assignmentId, ada.id, { dueAt: "2026-12-12T23:59:00+08:00" });
    expect(response.status).toBe(200);
    await expectBilingual400(await extend(teacher.cookie, assignmentId, bo.id, { dueAt: "2026-12-09T23:59:00+08:00" }), "dueAt", /after the assignment's due date/);
    await expectBilingual400(await extend(teacher.cookie, assignmentId, bo.id, { dueAt: "soon" }), "dueAt", /time zone/);
    expect((await extend(teacher.cookie, assignmentId, outsider.id, { dueAt: "2026-12-12T23:59:00+08:00" })).status).toBe(404);
    expect((await extend(teacher.cookie, assignmentId, ids.unknown, { dueAt: "2026-12-12T23:59:00+08:00" })).status).toBe(404);
  });

  it("marks work late against each student's own due date and applies the penalty", async () => {
    const detail = await getAssignment(teacher, classId, assignmentId, hoursAfterDue(100));
    const rowOf = (userId: string) => detail.students.find((row) => row.student.id === userId)!;
    const adaRow = rowOf(ada.id);
    expect(adaRow).toMatchObject({ extended: true, dueAt: new Date("2026-12-12T15:59:00Z") });
    expect(adaRow.items.map((item) => item.state)).toEqual(["done", "done"]);
    expect(adaRow.standing).toMatchObject({ state: "done", done: 2, late: 0, score: 1 });

    const boRow = rowOf(bo.id);
    expect(boRow).toMatchObject({ extended: false, dueAt: dueInstant });
    expect(boRow.items[0]).toMatchObject({ state: "late", hoursLate: 30, bestScore: 1, penalisedScore: 0.5, penaltyPercent: 50 });
    expect(boRow.items[1]).toMatchObject({ state: "done", penalisedScore: 1 });
    expect(boRow.standing).toMatchObject({ state: "late", done: 2, late: 1, score: 0.75, rawScore: 1 });

    const summary = (await listClassAssignments(teacher, classId, hoursAfterDue(100))).find((entry) => entry.id === assignmentId)!;
    expect(summary).toMatchObject({ extensionCount: 1, counts: { done: 1, late: 1, inProgress: 0, notStarted: 0, students: 2 } });
  });

  it("is late again once the extension is removed", async () => {
    const response = await unextendRoute(
      jsonRequest(`/api/classes/${classId}/assignments/${assignmentId}/extensions/${ada.id}`, { method: "DELETE", cookie: teacher.cookie }),
      routeContext({ classId, assignmentId, studentId: ada.id }),
    );
    expect(response.status).toBe(204);
    const detail = await getAssignment(teacher, classId, assignmentId, hoursAfterDue(100));
    expect(detail.students.find((row) => row.student.id === ada.id)).toMatchObject({ extended: false, standing: { state: "late", late: 1 } });
    await extend(teacher.cookie, assignmentId, ada.id, { dueAt: "2026-12-12T23:59:00+08:00" });
  });
});

describe("an extension the due date overtakes", () => {
  it("never makes a student due earlier than the class", async () => {
    const assignmentId = await createAssignment({ ...validBody, title: "Moved" });
    await extend(teacher.cookie, assignmentId, bo.id, { dueAt: "2026-12-11T23:59:00+08:00" });
    expect((await patch(teacher.cookie, assignmentId, { dueAt: "2026-12-15T23:59:00+08:00" })).status).toBe(200);
    const detail = await getAssignment(teacher, classId, assignmentId, hoursAfterDue(1));
    expect(detail.students.find((row) => row.student.id === bo.id)).toMatchObject({ extended: false, dueAt: new Date("2026-12-15T15:59:00Z") });
  });
});

describe("what counts as the student's work", () => {
  it("counts a regrade at its original submission's time, ignores previews, and penalises a late quiz", async () => {
    const student = await seedUser({ name: "Cy" });
    await prisma.enrolment.create({ data: { classId, userId: student.id } });
    const assignmentId = await createAssignment({ ...validBody, title: "Counting", itemIds: [ids.exerciseTwo, ids.quiz], latePenalty: [{ afterHours: 0, percent: 20 }] });
    // Submitted on time with 0.5; an applied regrade (graded later) made it 1; a preview said 0.
    const original = await prisma.submission.create({ data: { userId: student.id, itemId: ids.exerciseTwo, code: "x", status: "DONE", score: 0.5, queuedAt: hoursAfterDue(-3) } });
    await prisma.submission.create({ data: { userId: student.id, itemId: ids.exerciseTwo, code: "x", status: "DONE", score: 1, queuedAt: hoursAfterDue(50), regradeOfId: original.id } });
    const preview = await prisma.regradeBatch.create({ data: { itemId: ids.exerciseTwo, classId, requestedById: teacher.id, mode: "PREVIEW", contentHash: "test" } });
    await prisma.submission.create({ data: { userId: student.id, itemId: ids.exerciseTwo, code: "x", status: "DONE", score: 0, queuedAt: hoursAfterDue(60), regradeOfId: original.id, regradeBatchId: preview.id } });
    // The quiz: passed 5 hours late.
    await prisma.quizAttempt.create({ data: { userId: student.id, itemId: ids.quiz, questionIds: [], submittedAt: hoursAfterDue(5), score: 1 } });
    await prisma.progress.create({ data: { userId: student.id, itemId: ids.quiz, bestScore: 1, attempts: 1, solvedAt: hoursAfterDue(5) } });

    const detail = await getAssignment(teacher, classId, assignmentId, hoursAfterDue(100));
    const row = detail.students.find((entry) => entry.student.id === student.id)!;
    expect(row.items[0]).toMatchObject({ bestScore: 1, penalisedScore: 1, penaltyPercent: 0 });
    expect(row.items[1]).toMatchObject({ state: "late", hoursLate: 5, penalisedScore: 0.8, penaltyPercent: 20 });
    expect(row.standing).toMatchObject({ state: "late", score: 0.9 });
    await prisma.enrolment.delete({ where: { classId_userId: { classId, userId: student.id } } });
  });

  it("lets a co-teacher and an admin manage the class's assignments", async () => {
    const coTeacher = await seedUser({ role: "TEACHER" });
    await prisma.classTeacher.create({ data: { classId, userId: coTeacher.id, role: "CO_TEACHER" } });
    const admin = await seedUser({ role: "ADMIN" });
    const response = await create(coTeacher.cookie, { ...validBody, title: "By the co-teacher" });
    expect(response.status).toBe(201);
    const { assignment } = (await response.json()) as { assignment: { id: string } };
    expect((await patch(admin.cookie, assignment.id, { title: "By the admin" })).status).toBe(200);
    expect((await extend(coTeacher.cookie, assignment.id, bo.id, { dueAt: "2026-12-20T00:00:00Z" })).status).toBe(200);
  });

  it("reads a class's assignments and one assignment in a fixed number of queries, whatever the number of students", async () => {
    const assignmentId = (await prisma.assignment.findFirstOrThrow({ where: { classId } })).id;
    const queries = async (read: () => Promise<unknown>) => {
      const before = databaseQueryCount();
      await read();
      return databaseQueryCount() - before;
    };
    const listFew = await queries(() => listClassAssignments(teacher, classId));
    const detailFew = await queries(() => getAssignment(teacher, classId, assignmentId));
    for (let index = 0; index < 5; index += 1) {
      const student = await seedUser();
      await prisma.enrolment.create({ data: { classId, userId: student.id } });
      await prisma.progress.create({ data: { userId: student.id, itemId: ids.exerciseOne, attempts: 1 } });
    }
    expect(await queries(() => listClassAssignments(teacher, classId))).toBe(listFew);
    expect(await queries(() => getAssignment(teacher, classId, assignmentId))).toBe(detailFew);
  });
});

describe("a student's own assignments", () => {
  it("lists open, upcoming and past assignments over both classes, with their own due date", async () => {
    const upcoming = await createAssignment({ ...validBody, title: "Later", opensAt: "2027-01-01T00:00:00Z", dueAt: "2027-01-08T00:00:00Z", itemIds: [ids.exerciseTwo] });
    const response = await createRoute(
      jsonRequest(`/api/classes/${otherClassId}/assignments`, { cookie: otherTeacher.cookie, body: { ...validBody, title: "Other class", itemIds: [ids.otherExercise] } }),
      routeContext({ classId: otherClassId }),
    );
    expect(response.status).toBe(201);
    const mine = await listMyAssignments(ada.id, hoursAfterDue(1));
    const lateRules = mine.open.find((entry) => entry.title === "Late rules");
    expect(lateRules).toMatchObject({ className: "Class A", extended: true, dueAt: new Date("2026-12-12T15:59:00Z"), assignmentDueAt: dueInstant, phase: "open" });
    // Solved 30 hours after the class's due date, before her own: not late.
    expect(lateRules?.items.map((item) => [item.href, item.standing.state])).toEqual([
      ["/exercises/asyncio-a-item-10", "done"],
      ["/quizzes/asyncio-a-item-12", "done"],
    ]);
    // Her extension is Class A's: Class B's assignment, due the same day, is past due for her.
    expect(mine.past.find((entry) => entry.className === "Class B")).toMatchObject({ title: "Other class", extended: false, standing: { state: "overdue" } });
    expect(mine.upcoming.map((entry) => entry.id)).toContain(upcoming);
    // Bo has no extension: the same assignment is past due for him and his exercise is late.
    const bos = await listMyAssignments(bo.id, hoursAfterDue(40));
    expect(bos.past.find((entry) => entry.title === "Late rules")).toMatchObject({ extended: false, phase: "past", standing: { state: "late", late: 1 } });
    expect([...bos.open, ...bos.upcoming, ...bos.past].some((entry) => entry.className === "Class B")).toBe(false);
    const outsiders = await listMyAssignments(outsider.id, hoursAfterDue(1));
    expect([...outsiders.open, ...outsiders.upcoming, ...outsiders.past].map((entry) => entry.className)).toEqual(["Class B"]);
  });
});

describe("refusals", () => {
  let assignmentId: string;
  beforeAll(async () => {
    assignmentId = await createAssignment({ ...validBody, title: "Guarded" });
  });

  it("refuses a student on every teacher route (403)", async () => {
    expect((await create(ada.cookie, validBody)).status).toBe(403);
    expect((await patch(ada.cookie, assignmentId, { title: "mine" })).status).toBe(403);
    expect((await extend(ada.cookie, assignmentId, ada.id, { dueAt: "2027-01-01T00:00:00Z" })).status).toBe(403);
    const get = await getRoute(jsonRequest(`/api/classes/${classId}/assignments/${assignmentId}`, { method: "GET", cookie: ada.cookie }), routeContext({ classId, assignmentId }));
    expect(get.status).toBe(403);
    const remove = await deleteRoute(jsonRequest(`/api/classes/${classId}/assignments/${assignmentId}`, { method: "DELETE", cookie: ada.cookie }), routeContext({ classId, assignmentId }));
    expect(remove.status).toBe(403);
  });

  it("answers 404 to another class's teacher, to another class's assignment and to unknown ids", async () => {
    expect((await create(otherTeacher.cookie, validBody)).status).toBe(404);
    expect((await patch(otherTeacher.cookie, assignmentId, { title: "theirs" })).status).toBe(404);
    expect((await extend(otherTeacher.cookie, assignmentId, ada.id, { dueAt: "2027-01-01T00:00:00Z" })).status).toBe(404);
    const otherAssignment = await prisma.assignment.findFirstOrThrow({ where: { classId: otherClassId } });
    // Their assignment id under a class the teacher does teach: unknown here.
    expect((await patch(teacher.cookie, otherAssignment.id, { title: "moved" })).status).toBe(404);
    expect((await patch(teacher.cookie, ids.unknown, { title: "x" })).status).toBe(404);
    expect((await patch(teacher.cookie, "not-a-uuid", { title: "x" })).status).toBe(404);
    expect((await create(teacher.cookie, validBody, ids.unknown)).status).toBe(404);
    expect((await prisma.assignment.findUniqueOrThrow({ where: { id: otherAssignment.id } })).title).toBe("Other class");
  });

  it("answers 404 for a student removed from the class, and drops their assignments from their list", async () => {
    await prisma.enrolment.create({ data: { classId, userId: removed.id } });
    expect((await extend(teacher.cookie, assignmentId, removed.id, { dueAt: "2027-01-01T00:00:00Z" })).status).toBe(200);
    expect((await listMyAssignments(removed.id, hoursAfterDue(1))).open.length).toBeGreaterThan(0);
    await prisma.enrolment.delete({ where: { classId_userId: { classId, userId: removed.id } } });
    expect((await extend(teacher.cookie, assignmentId, removed.id, { dueAt: "2027-01-02T00:00:00Z" })).status).toBe(404);
    const mine = await listMyAssignments(removed.id, hoursAfterDue(1));
    expect([...mine.open, ...mine.upcoming, ...mine.past]).toEqual([]);
    const detail = await getAssignment(teacher, classId, assignmentId);
    expect(detail.students.map((row) => row.student.id)).not.toContain(removed.id);
  });
});
