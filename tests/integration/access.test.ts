/**
 * Who may do what, for every teacher route and every kind of person, in one
 * table: signed out, a student outside the class, a student in it, a
 * teacher of another class, a former teacher's view of a student who left,
 * a co-teacher, the owner and an admin. A refused request answers 401, 403
 * (a student on a teacher's route) or 404 (someone else's class: its
 * existence is nobody else's business), and changes nothing.
 *
 * The successful cases of each route are in its own area's tests; here the
 * owner's and admin's answers only prove the table's requests are well
 * formed (they get past the check).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { NextRequest } from "next/server";
import { prisma } from "@/lib/db/client";
import { GET as getSubmissionRoute } from "@/app/api/submissions/[id]/route";
import { POST as createClass } from "@/app/api/classes/route";
import { PATCH as updateClass } from "@/app/api/classes/[classId]/route";
import { POST as regenerateCode, DELETE as revokeCode } from "@/app/api/classes/[classId]/join-code/route";
import { DELETE as removeStudent } from "@/app/api/classes/[classId]/students/[studentId]/route";
import { POST as addTeacher } from "@/app/api/classes/[classId]/teachers/route";
import { DELETE as removeTeacher } from "@/app/api/classes/[classId]/teachers/[userId]/route";
import { GET as listAssignments, POST as createAssignment } from "@/app/api/classes/[classId]/assignments/route";
import { GET as getAssignment, PATCH as updateAssignment, DELETE as deleteAssignment } from "@/app/api/classes/[classId]/assignments/[assignmentId]/route";
import { PUT as extend, DELETE as unextend } from "@/app/api/classes/[classId]/assignments/[assignmentId]/extensions/[studentId]/route";
import { POST as requestRegrade } from "@/app/api/classes/[classId]/regrades/route";
import { GET as getRegrade } from "@/app/api/classes/[classId]/regrades/[batchId]/route";
import { POST as regradeEveryone } from "@/app/api/exercises/[id]/regrade/route";
import { GET as readInsights } from "@/app/api/classes/[classId]/insights/route";
import { GET as exportMatrix } from "@/app/api/classes/[classId]/export/matrix/route";
import { GET as exportAssignment } from "@/app/api/classes/[classId]/assignments/[assignmentId]/export/route";
import { GATHER_EXERCISE_ID, seedGatherExercise } from "../support/seed-exercise";
import { seedClass, seedUser, type SeededUser } from "../support/teaching";
import { jsonRequest, routeContext } from "../support/requests";

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Call = { name: string; method: string; path: string; params: Record<string, string>; body?: unknown; handler: Handler };

const people = ["signed out", "student outside", "student inside", "other teacher", "co-teacher", "owner", "admin"] as const;
type Person = (typeof people)[number];

let courseId: string;
let users: Record<Exclude<Person, "signed out">, SeededUser>;
let classId: string;
let otherClassId: string;
let assignmentId: string;
let batchId: string;
let submissionId: string;

beforeAll(async () => {
  await seedGatherExercise();
  courseId = (await prisma.courseItem.findUniqueOrThrow({ where: { id: GATHER_EXERCISE_ID }, select: { chapter: { select: { courseId: true } } } })).chapter.courseId;
  users = {
    "student outside": await seedUser({ name: "Outside" }),
    "student inside": await seedUser({ name: "Inside" }),
    "other teacher": await seedUser({ role: "TEACHER" }),
    "co-teacher": await seedUser({ role: "TEACHER" }),
    owner: await seedUser({ role: "TEACHER" }),
    admin: await seedUser({ role: "ADMIN" }),
  };
  const taught = await seedClass({ courseId, owner: users.owner, coTeachers: [users["co-teacher"]], students: [users["student inside"]] });
  classId = taught.id;
  otherClassId = (await seedClass({ courseId, owner: users["other teacher"], students: [users["student outside"]] })).id;
  assignmentId = (
    await prisma.assignment.create({
      data: {
        classId,
        title: "Week 1",
        opensAt: new Date("2026-12-01T00:00:00Z"),
        dueAt: new Date("2026-12-10T00:00:00Z"),
        items: { create: [{ itemId: GATHER_EXERCISE_ID, position: 0 }] },
      },
    })
  ).id;
  batchId = (
    await prisma.regradeBatch.create({
      data: { itemId: GATHER_EXERCISE_ID, classId, requestedById: users.owner.id, mode: "PREVIEW", status: "DONE", contentHash: "test" },
    })
  ).id;
  submissionId = (
    await prisma.submission.create({
      data: { userId: users["student inside"].id, itemId: GATHER_EXERCISE_ID, code: "print(1)", status: "DONE", verdict: "FAILED", score: 0 },
    })
  ).id;
});

/** The routes of one class, as `classId` (this class) names them. */
function classCalls(target: string): Call[] {
  const student = users["student inside"].id;
  const base = `/api/classes/${target}`;
  const assignment = { classId: target, assignmentId };
  return [
    { name: "rename the class", method: "PATCH", path: base, params: { classId: target }, body: { name: "Renamed" }, handler: updateClass as Handler },
    { name: "make a new join code", method: "POST", path: `${base}/join-code`, params: { classId: target }, handler: regenerateCode as Handler },
    { name: "revoke the join code", method: "DELETE", path: `${base}/join-code`, params: { classId: target }, handler: revokeCode as Handler },
    { name: "remove a student", method: "DELETE", path: `${base}/students/${student}`, params: { classId: target, studentId: student }, handler: removeStudent as Handler },
    { name: "add a co-teacher", method: "POST", path: `${base}/teachers`, params: { classId: target }, body: { email: users["other teacher"].email }, handler: addTeacher as Handler },
    {
      name: "remove a co-teacher",
      method: "DELETE",
      path: `${base}/teachers/${users["co-teacher"].id}`,
      params: { classId: target, userId: users["co-teacher"].id },
      handler: removeTeacher as Handler,
    },
    { name: "list assignments", method: "GET", path: `${base}/assignments`, params: { classId: target }, handler: listAssignments as Handler },
    {
      name: "create an assignment",
      method: "POST",
      path: `${base}/assignments`,
      params: { classId: target },
      body: { title: "Week 2", opensAt: "2026-12-01T00:00:00Z", dueAt: "2026-12-20T00:00:00Z", itemIds: [GATHER_EXERCISE_ID] },
      handler: createAssignment as Handler,
    },
    { name: "read an assignment", method: "GET", path: `${base}/assignments/${assignmentId}`, params: assignment, handler: getAssignment as Handler },
    { name: "change an assignment", method: "PATCH", path: `${base}/assignments/${assignmentId}`, params: assignment, body: { title: "Week one" }, handler: updateAssignment as Handler },
    { name: "delete an assignment", method: "DELETE", path: `${base}/assignments/${assignmentId}`, params: assignment, handler: deleteAssignment as Handler },
    {
      name: "grant an extension",
      method: "PUT",
      path: `${base}/assignments/${assignmentId}/extensions/${student}`,
      params: { ...assignment, studentId: student },
      body: { dueAt: "2026-12-12T00:00:00Z" },
      handler: extend as Handler,
    },
    {
      name: "remove an extension",
      method: "DELETE",
      path: `${base}/assignments/${assignmentId}/extensions/${student}`,
      params: { ...assignment, studentId: student },
      handler: unextend as Handler,
    },
    {
      name: "preview a regrade",
      method: "POST",
      path: `${base}/regrades`,
      params: { classId: target },
      body: { exerciseId: GATHER_EXERCISE_ID, mode: "preview" },
      handler: requestRegrade as Handler,
    },
    { name: "read what the class gets wrong", method: "GET", path: `${base}/insights`, params: { classId: target }, handler: readInsights as Handler },
    { name: "export the matrix", method: "GET", path: `${base}/export/matrix`, params: { classId: target }, handler: exportMatrix as Handler },
    {
      name: "export an assignment's submissions",
      method: "GET",
      path: `${base}/assignments/${assignmentId}/export`,
      params: assignment,
      handler: exportAssignment as Handler,
    },
    { name: "follow a regrade", method: "GET", path: `${base}/regrades/${batchId}`, params: { classId: target, batchId }, handler: getRegrade as Handler },
  ];
}

async function send(call: Call, person: Person): Promise<Response> {
  const cookie = person === "signed out" ? undefined : users[person].cookie;
  const request = jsonRequest(call.path, { method: call.method, cookie, ...(call.body === undefined ? {} : { body: call.body }) });
  return call.handler(request, routeContext(call.params));
}

/** Everything a refused request could have changed. */
async function snapshot() {
  const [classes, teachers, enrolments, assignments, extensions, batches, submissions] = await Promise.all([
    prisma.class.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, joinCode: true, archivedAt: true } }),
    prisma.classTeacher.count(),
    prisma.enrolment.count(),
    prisma.assignment.findMany({ orderBy: { id: "asc" }, select: { id: true, title: true, dueAt: true } }),
    prisma.assignmentExtension.count(),
    prisma.regradeBatch.count(),
    prisma.submission.count(),
  ]);
  return { classes, teachers, enrolments, assignments, extensions, batches, submissions };
}

describe("every teacher route refuses everyone but the class's teachers and admins", () => {
  const refusals: [Person, number][] = [
    ["signed out", 401],
    ["student outside", 403],
    ["student inside", 403],
    ["other teacher", 404],
  ];
  for (const [person, status] of refusals) {
    it(`${person}: ${status} on every route, and nothing changes`, async () => {
      const before = await snapshot();
      for (const call of classCalls("CLASS")) {
        const resolved = classCalls(classId).find((candidate) => candidate.name === call.name)!;
        const response = await send(resolved, person);
        expect({ route: call.name, status: response.status }).toEqual({ route: call.name, status });
        const body = (await response.json()) as { error: { message: { "zh-CN": string; en: string } } };
        expect(body.error.message["zh-CN"].length).toBeGreaterThan(0);
        expect(body.error.message.en.length).toBeGreaterThan(0);
      }
      expect(await snapshot()).toEqual(before);
    });
  }

  it("a teacher's own class's id does not open another class's resources: another class's assignment and batch are 404", async () => {
    const before = await snapshot();
    const others = classCalls(otherClassId).filter((candidate) => candidate.params.assignmentId || candidate.params.batchId);
    expect(others.map((call) => call.name)).toContain("export an assignment's submissions");
    for (const call of others) {
      const response = await send(call, "other teacher");
      expect({ route: call.name, status: response.status }).toEqual({ route: call.name, status: 404 });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("the owner, a co-teacher and an admin get past the check on the reading routes", async () => {
    for (const person of ["owner", "co-teacher", "admin"] as const) {
      for (const call of classCalls(classId).filter((candidate) => candidate.method === "GET")) {
        const response = await send(call, person);
        expect({ person, route: call.name, status: response.status }).toEqual({ person, route: call.name, status: 200 });
      }
    }
  });

  it("a student cannot create classes, and only an admin regrades everyone", async () => {
    const create = { name: "create", method: "POST", path: "/api/classes", params: {}, body: { name: "Mine", courseId }, handler: createClass as Handler };
    expect((await send(create, "student inside")).status).toBe(403);
    const everyone = {
      name: "regrade everyone",
      method: "POST",
      path: `/api/exercises/${GATHER_EXERCISE_ID}/regrade`,
      params: { id: GATHER_EXERCISE_ID },
      handler: regradeEveryone as Handler,
    };
    for (const person of ["student inside", "other teacher", "owner"] as const) expect((await send(everyone, person)).status).toBe(403);
  });
});

describe("a student's submission", () => {
  const read = (person: Person) =>
    send({ name: "read", method: "GET", path: `/api/submissions/${submissionId}`, params: { id: submissionId }, handler: getSubmissionRoute as Handler }, person);

  it("is its author's, their class's teachers' and an admin's; nobody else's", async () => {
    const expected: Record<Person, number> = {
      "signed out": 401,
      "student outside": 404,
      "student inside": 200,
      "other teacher": 404,
      "co-teacher": 200,
      owner: 200,
      admin: 200,
    };
    for (const person of people) expect({ person, status: (await read(person)).status }).toEqual({ person, status: expected[person] });
  });

  it("is no longer the teachers' once the student left the class, and is again if they come back", async () => {
    const student = users["student inside"].id;
    await prisma.enrolment.delete({ where: { classId_userId: { classId, userId: student } } });
    for (const person of ["owner", "co-teacher"] as const) expect((await read(person)).status).toBe(404);
    expect((await read("student inside")).status).toBe(200);
    expect((await read("admin")).status).toBe(200);
    await prisma.enrolment.create({ data: { classId, userId: student } });
    expect((await read("owner")).status).toBe(200);
  });

  it("is not a teacher's whose role was taken away, even while the class is still theirs", async () => {
    await prisma.user.update({ where: { id: users["co-teacher"].id }, data: { role: "STUDENT" } });
    expect((await read("co-teacher")).status).toBe(404);
    await prisma.user.update({ where: { id: users["co-teacher"].id }, data: { role: "TEACHER" } });
  });
});
