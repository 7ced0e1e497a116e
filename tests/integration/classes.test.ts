// Classes through their route handlers against a real database: who may
// create and manage a class, joining by code, the roster and co-teachers,
// and what removal takes away (the class from the student, the student's
// work from the teacher).
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createClassRoute } from "@/app/api/classes/route";
import { PATCH as updateClassRoute } from "@/app/api/classes/[classId]/route";
import { POST as regenerateRoute, DELETE as revokeRoute } from "@/app/api/classes/[classId]/join-code/route";
import { DELETE as removeStudentRoute } from "@/app/api/classes/[classId]/students/[studentId]/route";
import { POST as addTeacherRoute } from "@/app/api/classes/[classId]/teachers/route";
import { DELETE as removeTeacherRoute } from "@/app/api/classes/[classId]/teachers/[userId]/route";
import { POST as joinRoute } from "@/app/api/classes/join/route";
import { DELETE as leaveRoute } from "@/app/api/classes/[classId]/enrolment/route";
import { GET as getSubmissionRoute } from "@/app/api/submissions/[id]/route";
import { prisma } from "@/lib/db/client";
import { listTaughtClasses } from "@/lib/classes/list-taught-classes";
import { listMyClasses } from "@/lib/classes/list-my-classes";
import { getClassSettings } from "@/lib/classes/get-class-settings";
import { formatJoinCode, generateJoinCode, normaliseJoinCode } from "@/lib/classes/join-code";
import { jsonRequest, routeContext } from "../support/requests";
import { seedClass, seedUser, type SeededUser } from "../support/teaching";
import { seedGatherExercise } from "../support/seed-exercise";

const COURSE_ID = "0d9c1f3a-2b7e-4c55-9a61-7e3f5b2c8d10";
const ARCHIVED_COURSE_ID = "0d9c1f3a-2b7e-4c55-9a61-7e3f5b2c8d99";
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
let exerciseId = "";

beforeAll(async () => {
  exerciseId = await seedGatherExercise();
  await prisma.course.create({
    data: { id: ARCHIVED_COURSE_ID, slug: "withdrawn", titleZh: "下线", titleEn: "Withdrawn", contentHash: "test", archivedAt: new Date() },
  });
});

type Json = Record<string, unknown> & { error?: { code: string; message: { "zh-CN": string; en: string } } };

async function answer(response: Response): Promise<{ status: number; body: Json }> {
  return { status: response.status, body: (await response.json()) as Json };
}

const call = {
  create: (user: SeededUser | undefined, body: unknown) =>
    createClassRoute(jsonRequest("/api/classes", { body, cookie: user?.cookie }), routeContext({})).then(answer),
  update: (user: SeededUser, classId: string, body: unknown) =>
    updateClassRoute(jsonRequest(`/api/classes/${classId}`, { method: "PATCH", body, cookie: user.cookie }), routeContext({ classId })).then(answer),
  regenerate: (user: SeededUser, classId: string) =>
    regenerateRoute(jsonRequest(`/api/classes/${classId}/join-code`, { cookie: user.cookie }), routeContext({ classId })).then(answer),
  revoke: (user: SeededUser, classId: string) =>
    revokeRoute(jsonRequest(`/api/classes/${classId}/join-code`, { method: "DELETE", cookie: user.cookie }), routeContext({ classId })).then(answer),
  removeStudent: (user: SeededUser, classId: string, studentId: string) =>
    removeStudentRoute(
      jsonRequest(`/api/classes/${classId}/students/${studentId}`, { method: "DELETE", cookie: user.cookie }),
      routeContext({ classId, studentId }),
    ).then(answer),
  addTeacher: (user: SeededUser, classId: string, body: unknown) =>
    addTeacherRoute(jsonRequest(`/api/classes/${classId}/teachers`, { body, cookie: user.cookie }), routeContext({ classId })).then(answer),
  removeTeacher: (user: SeededUser, classId: string, userId: string) =>
    removeTeacherRoute(
      jsonRequest(`/api/classes/${classId}/teachers/${userId}`, { method: "DELETE", cookie: user.cookie }),
      routeContext({ classId, userId }),
    ).then(answer),
  join: (user: SeededUser | undefined, body: unknown) =>
    joinRoute(jsonRequest("/api/classes/join", { body, cookie: user?.cookie }), routeContext({})).then(answer),
  leave: (user: SeededUser, classId: string) =>
    leaveRoute(jsonRequest(`/api/classes/${classId}/enrolment`, { method: "DELETE", cookie: user.cookie }), routeContext({ classId })).then(answer),
  submission: (user: SeededUser, id: string) =>
    getSubmissionRoute(jsonRequest(`/api/submissions/${id}`, { method: "GET", cookie: user.cookie }), routeContext({ id })).then(answer),
};

function expectBilingual(body: Json, code: string) {
  expect(body.error?.code).toBe(code);
  expect(body.error?.message["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
  expect(body.error?.message.en).toMatch(/[a-z]/);
}

async function cast() {
  const [owner, coTeacher, otherTeacher, student, otherStudent] = await Promise.all([
    seedUser({ role: "TEACHER", name: "Owner" }),
    seedUser({ role: "TEACHER", name: "Co" }),
    seedUser({ role: "TEACHER" }),
    seedUser({ name: "Student" }),
    seedUser(),
  ]);
  const joinCode = generateJoinCode();
  const seeded = await seedClass({ courseId: COURSE_ID, owner, coTeachers: [coTeacher], students: [student], joinCode });
  return { owner, coTeacher, otherTeacher, student, otherStudent, classId: seeded.id, joinCode };
}

describe("POST /api/classes", () => {
  it("lets a teacher create a class they own, with a join code", async () => {
    const teacher = await seedUser({ role: "TEACHER" });
    const { status, body } = await call.create(teacher, { name: "  Asyncio 101  ", courseId: COURSE_ID });
    expect(status).toBe(201);
    const created = body.class as { id: string; name: string; joinCode: string };
    expect(created.name).toBe("Asyncio 101");
    expect(normaliseJoinCode(created.joinCode)).toBe(created.joinCode);
    const owner = await prisma.classTeacher.findUniqueOrThrow({ where: { classId_userId: { classId: created.id, userId: teacher.id } } });
    expect(owner.role).toBe("OWNER");
    const listed = await listTaughtClasses(teacher);
    expect(listed).toEqual([expect.objectContaining({ id: created.id, studentCount: 0, role: "OWNER", course: { "zh-CN": "异步", en: "asyncio" } })]);
  });

  it("refuses students (403), the signed out (401), bad bodies (400) and unknown or withdrawn courses (404)", async () => {
    const [teacher, student] = await Promise.all([seedUser({ role: "TEACHER" }), seedUser()]);
    const before = await prisma.class.count();
    expectBilingual((await call.create(student, { name: "x", courseId: COURSE_ID })).body, "FORBIDDEN");
    expect((await call.create(undefined, { name: "x", courseId: COURSE_ID })).status).toBe(401);
    for (const body of [{ name: "   ", courseId: COURSE_ID }, { name: "x".repeat(81), courseId: COURSE_ID }, { name: "x" }, { name: "x", courseId: "nope" }, {}]) {
      const refused = await call.create(teacher, body);
      expect(refused.status).toBe(400);
      expectBilingual(refused.body, "INVALID_REQUEST");
    }
    const unknown = await call.create(teacher, { name: "x", courseId: UNKNOWN_ID });
    expect(unknown.status).toBe(404);
    expectBilingual(unknown.body, "NOT_FOUND");
    expect((await call.create(teacher, { name: "x", courseId: ARCHIVED_COURSE_ID })).status).toBe(404);
    expect(await prisma.class.count()).toBe(before);
  });

  it("lets an admin create a class and see every class", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const { classId } = await cast();
    expect((await call.create(admin, { name: "Admin's", courseId: COURSE_ID })).status).toBe(201);
    expect((await listTaughtClasses(admin)).map((row) => row.name)).toEqual(["Admin's"]);
    const all = await listTaughtClasses(admin, { all: true });
    expect(all.find((row) => row.id === classId)).toMatchObject({ role: null, studentCount: 1 });
  });
});

describe("PATCH /api/classes/:id", () => {
  it("lets any teacher of the class rename it, only the owner archive it", async () => {
    const { owner, coTeacher, classId } = await cast();
    const renamed = await call.update(coTeacher, classId, { name: " Renamed " });
    expect(renamed.status).toBe(200);
    expect((renamed.body.class as { name: string }).name).toBe("Renamed");
    const refused = await call.update(coTeacher, classId, { archived: true });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message.en).toMatch(/owner/);
    expect((await call.update(owner, classId, { archived: true })).status).toBe(200);
    expect((await prisma.class.findUniqueOrThrow({ where: { id: classId } })).archivedAt).not.toBeNull();
    expect((await call.update(owner, classId, { archived: false })).status).toBe(200);
    expect((await prisma.class.findUniqueOrThrow({ where: { id: classId } })).archivedAt).toBeNull();
  });

  it("answers 403 to a student, 404 to another teacher and for unknown ids, 400 to bad bodies", async () => {
    const { owner, otherTeacher, student, classId } = await cast();
    expect((await call.update(student, classId, { name: "x" })).status).toBe(403);
    expectBilingual((await call.update(otherTeacher, classId, { name: "x" })).body, "NOT_FOUND");
    expect((await call.update(owner, UNKNOWN_ID, { name: "x" })).status).toBe(404);
    expect((await call.update(owner, "not-a-uuid", { name: "x" })).status).toBe(404);
    for (const body of [{}, { name: "" }, { archived: "yes" }]) {
      const refused = await call.update(owner, classId, body);
      expect(refused.status).toBe(400);
      expectBilingual(refused.body, "INVALID_REQUEST");
    }
  });
});

describe("join codes", () => {
  it("join with any case and spacing; joining twice changes nothing; the student sees the class", async () => {
    const { classId, joinCode, otherStudent } = await cast();
    const first = await call.join(otherStudent, { code: ` ${formatJoinCode(joinCode).toLowerCase()} ` });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ class: { id: classId }, alreadyMember: false });
    const again = await call.join(otherStudent, { code: joinCode });
    expect(again.body).toMatchObject({ alreadyMember: true });
    expect(await prisma.enrolment.count({ where: { classId, userId: otherStudent.id } })).toBe(1);
    const mine = await listMyClasses(otherStudent.id);
    expect(mine).toEqual([expect.objectContaining({ id: classId, teacherNames: ["Owner", "Co"] })]);
  });

  it("a revoked code no longer works; a regenerated one does and the old one does not", async () => {
    const { coTeacher, classId, joinCode, otherStudent } = await cast();
    const revoked = await call.revoke(coTeacher, classId);
    expect(revoked.status).toBe(200);
    const refused = await call.join(otherStudent, { code: joinCode });
    expect(refused.status).toBe(404);
    expectBilingual(refused.body, "NOT_FOUND");
    expect(refused.body.error?.message.en).toMatch(/revoked/);

    const regenerated = await call.regenerate(coTeacher, classId);
    const newCode = (regenerated.body as { joinCode: string }).joinCode;
    expect(newCode).not.toBe(joinCode);
    expect(normaliseJoinCode(newCode)).toBe(newCode);
    const again = await call.regenerate(coTeacher, classId);
    const newest = (again.body as { joinCode: string }).joinCode;
    expect((await call.join(otherStudent, { code: newCode })).status).toBe(404);
    expect((await call.join(otherStudent, { code: newest })).status).toBe(200);
  });

  it("an archived class refuses new students but not those already in", async () => {
    const { owner, student, otherStudent, classId, joinCode } = await cast();
    await call.update(owner, classId, { archived: true });
    const refused = await call.join(otherStudent, { code: joinCode });
    expect(refused.status).toBe(409);
    expectBilingual(refused.body, "CONFLICT");
    expect((await call.join(student, { code: joinCode })).body).toMatchObject({ alreadyMember: true });
  });

  it("refuses bad bodies (400), unknown codes (404), the signed out (401); guessing is rate limited per user", async () => {
    const guesser = await seedUser();
    expect((await call.join(undefined, { code: "ABCDEFGH" })).status).toBe(401);
    for (const body of [{}, { code: "" }, { code: 12345678 }]) {
      const refused = await call.join(guesser, body);
      expect(refused.status).toBe(400);
      expectBilingual(refused.body, "INVALID_REQUEST");
    }
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) statuses.push((await call.join(guesser, { code: "zzzz-zzzz" })).status);
    expect(statuses.slice(0, 10).every((status) => status === 404)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("regenerate and revoke: 403 to a student, 404 to another teacher and for unknown classes", async () => {
    const { owner, otherTeacher, student, classId, joinCode } = await cast();
    expect((await call.regenerate(student, classId)).status).toBe(403);
    expect((await call.revoke(student, classId)).status).toBe(403);
    expect((await call.regenerate(otherTeacher, classId)).status).toBe(404);
    expect((await call.revoke(otherTeacher, classId)).status).toBe(404);
    expect((await call.regenerate(owner, UNKNOWN_ID)).status).toBe(404);
    expect((await prisma.class.findUniqueOrThrow({ where: { id: classId } })).joinCode).toBe(joinCode);
  });
});

describe("the roster", () => {
  it("a removed student loses the class, and its teacher loses their work", async () => {
    const { coTeacher, student, classId } = await cast();
    const submission = await prisma.submission.create({ data: { userId: student.id, itemId: exerciseId, code: "print(1)" } });
    expect((await call.submission(coTeacher, submission.id)).status).toBe(200);

    const removed = await call.removeStudent(coTeacher, classId, student.id);
    expect(removed.status).toBe(200);
    expect((await call.submission(coTeacher, submission.id)).status).toBe(404);
    expect(await listMyClasses(student.id)).toEqual([]);
    expect((await getClassSettings(coTeacher, classId)).students).toEqual([]);
    expectBilingual((await call.removeStudent(coTeacher, classId, student.id)).body, "NOT_FOUND");
    expect((await call.leave(student, classId)).status).toBe(404);
  });

  it("remove: 403 to a student, 404 to another teacher, for unknown students and classes", async () => {
    const { owner, otherTeacher, student, otherStudent, classId } = await cast();
    expect((await call.removeStudent(student, classId, student.id)).status).toBe(403);
    expect((await call.removeStudent(otherTeacher, classId, student.id)).status).toBe(404);
    expect((await call.removeStudent(owner, classId, otherStudent.id)).status).toBe(404);
    expect((await call.removeStudent(owner, classId, "not-a-uuid")).status).toBe(404);
    expect((await call.removeStudent(owner, UNKNOWN_ID, student.id)).status).toBe(404);
    expect(await prisma.enrolment.count({ where: { classId, userId: student.id } })).toBe(1);
  });

  it("a student leaves a class, and may be in several", async () => {
    const { student, classId, owner } = await cast();
    const second = await seedClass({ courseId: COURSE_ID, owner, students: [student] });
    expect((await listMyClasses(student.id)).map((row) => row.id).sort()).toEqual([classId, second.id].sort());
    expect((await call.leave(student, classId)).status).toBe(200);
    expect((await listMyClasses(student.id)).map((row) => row.id)).toEqual([second.id]);
    expect((await call.leave(student, classId)).status).toBe(404);
    expect((await call.leave(student, "not-a-uuid")).status).toBe(404);
  });

  it("the settings show the roster with join dates, the teachers and the code", async () => {
    const { owner, coTeacher, student, classId, joinCode } = await cast();
    const settings = await getClassSettings(coTeacher, classId);
    expect(settings.class).toMatchObject({ joinCode, access: "CO_TEACHER", course: { en: "asyncio" } });
    expect(settings.teachers.map((teacher) => [teacher.id, teacher.role])).toEqual([[owner.id, "OWNER"], [coTeacher.id, "CO_TEACHER"]]);
    expect(settings.students).toEqual([expect.objectContaining({ id: student.id, joinedAt: expect.any(Date) })]);
  });
});

describe("co-teachers", () => {
  it("the owner adds a teacher by email (idempotent), who then manages the roster; the owner removes them", async () => {
    const { owner, otherTeacher, classId, student } = await cast();
    const added = await call.addTeacher(owner, classId, { email: ` ${otherTeacher.email.toUpperCase()} ` });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ teacher: { id: otherTeacher.id, role: "CO_TEACHER" } });
    expect((await call.addTeacher(owner, classId, { email: otherTeacher.email })).status).toBe(200);
    expect((await call.addTeacher(owner, classId, { email: owner.email })).body).toMatchObject({ teacher: { role: "OWNER" } });
    expect(await prisma.classTeacher.count({ where: { classId } })).toBe(3);

    expect((await call.removeStudent(otherTeacher, classId, student.id)).status).toBe(200);
    expect((await call.removeTeacher(owner, classId, otherTeacher.id)).status).toBe(200);
    expect((await call.regenerate(otherTeacher, classId)).status).toBe(404);
  });

  it("refuses accounts that do not exist or are not teachers, with a clear message", async () => {
    const { owner, otherStudent, classId } = await cast();
    const unknown = await call.addTeacher(owner, classId, { email: "nobody@example.org" });
    expect(unknown.status).toBe(404);
    expectBilingual(unknown.body, "NOT_FOUND");
    expect(unknown.body.error?.message.en).toMatch(/sign up/);
    const notTeacher = await call.addTeacher(owner, classId, { email: otherStudent.email });
    expect(notTeacher.status).toBe(409);
    expect(notTeacher.body.error?.message.en).toMatch(/not a teacher/);
    for (const body of [{}, { email: "not an email" }]) {
      const refused = await call.addTeacher(owner, classId, body);
      expect(refused.status).toBe(400);
      expectBilingual(refused.body, "INVALID_REQUEST");
    }
  });

  it("a co-teacher can neither add nor remove teachers (403 ownerOnly); the owner cannot be removed", async () => {
    const { owner, coTeacher, otherTeacher, classId } = await cast();
    const add = await call.addTeacher(coTeacher, classId, { email: otherTeacher.email });
    expect(add.status).toBe(403);
    expect(add.body.error?.message.en).toMatch(/owner/);
    expect((await call.removeTeacher(coTeacher, classId, owner.id)).status).toBe(403);
    expect((await call.removeTeacher(coTeacher, classId, coTeacher.id)).status).toBe(403);
    const ownerRemoval = await call.removeTeacher(owner, classId, owner.id);
    expect(ownerRemoval.status).toBe(409);
    expectBilingual(ownerRemoval.body, "CONFLICT");
    expect(await prisma.classTeacher.count({ where: { classId } })).toBe(2);
  });

  it("teacher routes: 403 to a student, 404 to another teacher and for unknown ids", async () => {
    const { owner, coTeacher, otherTeacher, student, classId } = await cast();
    expect((await call.addTeacher(student, classId, { email: otherTeacher.email })).status).toBe(403);
    expect((await call.removeTeacher(student, classId, coTeacher.id)).status).toBe(403);
    expect((await call.addTeacher(otherTeacher, classId, { email: otherTeacher.email })).status).toBe(404);
    expect((await call.removeTeacher(otherTeacher, classId, coTeacher.id)).status).toBe(404);
    expect((await call.removeTeacher(owner, classId, otherTeacher.id)).status).toBe(404);
    expect((await call.removeTeacher(owner, classId, "not-a-uuid")).status).toBe(404);
    expect((await call.addTeacher(owner, UNKNOWN_ID, { email: otherTeacher.email })).status).toBe(404);
  });
});
