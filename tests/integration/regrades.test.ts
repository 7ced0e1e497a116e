// Regrading with a preview (issue 14): the worker's tasks are called
// directly, with the real sandbox, so every step is deterministic; the
// routes are the real handlers.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postRegrade } from "@/app/api/classes/[classId]/regrades/route";
import { GET as getBatch } from "@/app/api/classes/[classId]/regrades/[batchId]/route";
import { POST as adminRegrade } from "@/app/api/exercises/[id]/regrade/route";
import { prisma } from "@/lib/db/client";
import { migrateQueue } from "@/lib/queue/queue";
import { gradeSubmissionJob } from "@/grader/tasks/grade-submission";
import { defaultSpawner, type Spawner } from "@/grader/spawn";
import { previewRegradeJob } from "@/grader/tasks/preview-regrade";
import { applyRegradeJob } from "@/grader/tasks/apply-regrade";
import { listClassRegrades } from "@/lib/regrades/list-class-regrades";
import type { RegradeBatchDetail } from "@/lib/regrades/get-regrade-batch";
import { jsonRequest, routeContext } from "../support/requests";
import { GATHER_EXERCISE_ID, seedGatherExercise } from "../support/seed-exercise";
import { seedClass, seedUser, type SeededUser } from "../support/teaching";

const GATHER = GATHER_EXERCISE_ID;
const COURSE = "0d9c1f3a-2b7e-4c55-9a61-7e3f5b2c8d10";
const directory = path.join(process.cwd(), "exercises", "asyncio", "02-concurrency", "gather-three-users");
const STRICTER = `

@test("strict", zh="更严格的新测试", en="A stricter new test")
def strict(t):
    t.fail("strict", zh="新测试不接受这个程序。", en="The new test does not accept this program.")
`;

let jobId = 0;
const helpers = (attempts = 1) => ({
  job: { id: String(++jobId), attempts, max_attempts: 3 },
  logger: { info: () => undefined, error: () => undefined },
}) as unknown as Parameters<typeof gradeSubmissionJob>[1];

async function gradeNow(userId: string, code: string, extra: { regradeOfId?: string } = {}) {
  const submission = await prisma.submission.create({ data: { userId, itemId: GATHER, code, ...extra }, select: { id: true } });
  await gradeSubmissionJob({ submissionId: submission.id }, helpers());
  return prisma.submission.findUniqueOrThrow({ where: { id: submission.id } });
}

const send = (user: SeededUser, classId: string, body: unknown) =>
  postRegrade(jsonRequest(`/api/classes/${classId}/regrades`, { cookie: user.cookie, body }), routeContext({ classId }));
const read = (user: SeededUser, classId: string, batchId: string) =>
  getBatch(jsonRequest(`/api/classes/${classId}/regrades/${batchId}`, { method: "GET", cookie: user.cookie }), routeContext({ classId, batchId }));
const sendAdmin = (user: SeededUser, exerciseId = GATHER) =>
  adminRegrade(jsonRequest(`/api/exercises/${exerciseId}/regrade`, { cookie: user.cookie }), routeContext({ id: exerciseId }));

let teacher: SeededUser, otherTeacher: SeededUser, strangerTeacher: SeededUser, admin: SeededUser;
let solver: SeededUser, almost: SeededUser, broken: SeededUser, otherStudent: SeededUser;
let classId: string, otherClassId: string;
const originals: Record<string, string> = {};

beforeAll(async () => {
  await migrateQueue(process.env.DATABASE_URL ?? "");
  await seedGatherExercise();
  [teacher, otherTeacher, strangerTeacher, admin] = await Promise.all([
    seedUser({ role: "TEACHER", name: "Teacher Wang" }),
    seedUser({ role: "TEACHER", name: "Teacher Li" }),
    seedUser({ role: "TEACHER" }),
    seedUser({ role: "ADMIN" }),
  ]);
  [solver, almost, broken, otherStudent] = await Promise.all([
    seedUser({ name: "Solver" }),
    seedUser({ name: "Almost" }),
    seedUser({ name: "Broken" }),
    seedUser({ name: "Elsewhere" }),
  ]);
  classId = (await seedClass({ courseId: COURSE, owner: teacher, students: [solver, almost, broken] })).id;
  otherClassId = (await seedClass({ courseId: COURSE, owner: otherTeacher, students: [otherStudent] })).id;
  await seedClass({ courseId: COURSE, owner: strangerTeacher });
  const solution = await readFile(path.join(directory, "solution.py"), "utf8");
  const noPrint = await readFile(path.join(directory, "wrong", "no-print.py"), "utf8");
  // The solver's first try fails, their latest passes: the preview takes the latest.
  await gradeNow(solver.id, noPrint);
  originals.solver = (await gradeNow(solver.id, solution)).id;
  originals.almost = (await gradeNow(almost.id, noPrint)).id;
  originals.broken = (await gradeNow(broken.id, "def main(:\n")).id;
  originals.other = (await gradeNow(otherStudent.id, solution)).id;
  expect((await prisma.submission.findUniqueOrThrow({ where: { id: originals.solver } })).verdict).toBe("PASSED");
  // The exercise's tests change: a stricter test, a new version.
  const grading = await prisma.exerciseGrading.findUniqueOrThrow({ where: { itemId: GATHER } });
  await prisma.$transaction([
    prisma.exerciseGrading.update({ where: { itemId: GATHER }, data: { tests: grading.tests + STRICTER, contentHash: "stricter" } }),
    prisma.courseItem.update({ where: { id: GATHER }, data: { contentHash: "stricter" } }),
  ]);
}, 180_000);

describe("refusals", () => {
  it("students get 403, other teachers and unknown ids 404, bad bodies 400 in both languages", async () => {
    expect((await send(solver, classId, { exerciseId: GATHER, mode: "preview" })).status).toBe(403);
    expect((await sendAdmin(solver)).status).toBe(403);
    expect((await send(strangerTeacher, classId, { exerciseId: GATHER, mode: "preview" })).status).toBe(404);
    expect((await send(teacher, crypto.randomUUID(), { exerciseId: GATHER, mode: "preview" })).status).toBe(404);
    expect((await send(teacher, "not-a-uuid", { exerciseId: GATHER, mode: "preview" })).status).toBe(404);
    expect((await send(teacher, classId, { exerciseId: crypto.randomUUID(), mode: "preview" })).status).toBe(404);
    const invalid = await send(teacher, classId, { exerciseId: GATHER, mode: "everything" });
    expect(invalid.status).toBe(400);
    const message = (await invalid.json()).error.issues[0].message;
    expect(message["zh-CN"]).toBeTruthy();
    expect(message.en).toBeTruthy();
    expect((await send(teacher, classId, { mode: "apply" })).status).toBe(400);
    const viaOldRoute = await sendAdmin(teacher);
    expect(viaOldRoute.status).toBe(403);
    expect((await viaOldRoute.json()).error.message.en).toContain("Regrade page");
    expect(await prisma.regradeBatch.count()).toBe(0);
  });
});

describe("preview", () => {
  it("counts what the new tests would change, on each student's latest submission, writing no verdict", async () => {
    const submissionsBefore = await prisma.submission.count();
    const testResultsBefore = await prisma.testResult.count();
    const progressBefore = await prisma.progress.findMany({ orderBy: { id: "asc" } });
    const accepted = await send(teacher, classId, { exerciseId: GATHER, mode: "preview" });
    expect(accepted.status).toBe(202);
    const { batch } = (await accepted.json()) as { batch: { id: string; status: string } };
    expect(batch.status).toBe("QUEUED");
    const twice = await send(teacher, classId, { exerciseId: GATHER, mode: "preview" });
    expect(twice.status).toBe(409);
    expect((await twice.json()).error.message["zh-CN"]).toContain("Teacher Wang");
    expect((await read(strangerTeacher, classId, batch.id)).status).toBe(404);
    expect((await read(solver, classId, batch.id)).status).toBe(403);
    expect((await read(otherTeacher, otherClassId, batch.id)).status).toBe(404);

    await previewRegradeJob({ batchId: batch.id }, helpers());
    // A delivery twice changes nothing.
    await previewRegradeJob({ batchId: batch.id }, helpers());

    const response = await read(teacher, classId, batch.id);
    expect(response.status).toBe(200);
    const detail = ((await response.json()) as { batch: RegradeBatchDetail }).batch;
    expect(detail.status).toBe("DONE");
    expect([detail.done, detail.total]).toEqual([3, 3]);
    expect(detail.counts).toMatchObject({ unchanged: 1, changed: 2, improved: 0, worsened: 2, graderErrors: 0, transitions: { "PASSED→FAILED": 1 } });
    const solverRow = detail.students.find((student) => student.userId === solver.id);
    expect(solverRow).toMatchObject({ name: "Solver", submissionId: originals.solver, old: { verdict: "PASSED", score: 1 }, new: { verdict: "FAILED" }, changed: true });
    expect(detail.students.find((student) => student.userId === broken.id)?.changed).toBe(false);
    expect(detail.students.some((student) => student.userId === otherStudent.id)).toBe(false);

    expect(await prisma.submission.count()).toBe(submissionsBefore);
    expect(await prisma.testResult.count()).toBe(testResultsBefore);
    expect(await prisma.progress.findMany({ orderBy: { id: "asc" } })).toEqual(progressBefore);

    // A student who leaves the class leaves the teacher's view of the preview.
    await prisma.enrolment.delete({ where: { classId_userId: { classId, userId: broken.id } } });
    const after = ((await (await read(teacher, classId, batch.id)).json()) as { batch: RegradeBatchDetail }).batch;
    expect(after.students.map((student) => student.userId)).not.toContain(broken.id);
    await prisma.enrolment.create({ data: { classId, userId: broken.id } });

    const page = await listClassRegrades(teacher, classId);
    const row = page.exercises.find((exercise) => exercise.item.id === GATHER);
    expect(row).toMatchObject({ latestSubmissions: 3, outdated: 3, runningApply: null, runningPreview: null });
    expect(page.history.map((entry) => entry.id)).toEqual([batch.id]);
  }, 120_000);
});

/** The real sandbox, except that the runs `breaks` picks (by number, from 1) fail as a fault of ours would: no result from the judge. */
async function faultySpawner(breaks: (run: number) => boolean): Promise<Spawner> {
  const real = await defaultSpawner();
  let runs = 0;
  const empty = { head: Buffer.alloc(0), tail: Buffer.alloc(0), bytes: 0 };
  return {
    sandboxed: real.sandboxed,
    spawn: (request) =>
      breaks(++runs)
        ? Promise.resolve({ exitCode: 1, signal: null, stdout: empty, stderr: empty, channel: Buffer.alloc(0), limitExceeded: null, spawnMs: 0, wallMs: 0 })
        : real.spawn(request),
  };
}

describe("a preview meeting a grader fault", () => {
  it("retries it (resuming where it was), and on the last attempt counts it apart, never as a change", async () => {
    const first = ((await (await send(teacher, classId, { exerciseId: GATHER, mode: "preview" })).json()) as { batch: { id: string } }).batch;
    // The second student's grading breaks: the job throws to be retried, the first student's entry is kept.
    await expect(previewRegradeJob({ batchId: first.id }, helpers(1), await faultySpawner((run) => run === 2))).rejects.toThrow(/grader error/);
    expect(await prisma.regradeBatch.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "RUNNING", done: 1, total: 3 });
    await previewRegradeJob({ batchId: first.id }, helpers(2), await faultySpawner(() => false));
    const resumed = ((await (await read(teacher, classId, first.id)).json()) as { batch: RegradeBatchDetail }).batch;
    expect(resumed).toMatchObject({ status: "DONE", done: 3, counts: { changed: 2, unchanged: 1, graderErrors: 0 } });

    const last = ((await (await send(teacher, classId, { exerciseId: GATHER, mode: "preview" })).json()) as { batch: { id: string } }).batch;
    await previewRegradeJob({ batchId: last.id }, helpers(3), await faultySpawner(() => true));
    const counted = ((await (await read(teacher, classId, last.id)).json()) as { batch: RegradeBatchDetail }).batch;
    expect(counted).toMatchObject({ status: "DONE", counts: { changed: 0, unchanged: 0, graderErrors: 3 } });
  }, 120_000);
});

describe("apply", () => {
  it("regrades the class's students only, keeps the old results, refuses a second one while it runs", async () => {
    // A mock interview's coding answer is the candidate's own, not class work: a class's regrade leaves it.
    const interview = await prisma.interviewSession.create({ data: { userId: solver.id, config: {}, endsAt: new Date() } });
    const interviewAnswer = await prisma.submission.create({
      data: { userId: solver.id, itemId: GATHER, code: "print(1)", status: "DONE", verdict: "FAILED", score: 0, interviewSessionId: interview.id, queuedAt: new Date(Date.now() - 60_000) },
    });
    const accepted = await send(teacher, classId, { exerciseId: GATHER, mode: "apply" });
    expect(accepted.status).toBe(202);
    const { batch } = (await accepted.json()) as { batch: { id: string } };
    const second = await send(otherTeacher, otherClassId, { exerciseId: GATHER, mode: "apply" });
    expect(second.status).toBe(409);
    const conflict = (await second.json()).error.message;
    expect(conflict.en).toContain("Teacher Wang");
    expect(conflict["zh-CN"]).toContain("Teacher Wang");
    expect((await sendAdmin(admin)).status).toBe(409);

    await applyRegradeJob({ batchId: batch.id }, helpers());
    const regrades = await prisma.submission.findMany({ where: { regradeBatchId: batch.id }, select: { id: true, userId: true, regradeOfId: true } });
    expect(regrades.map((regrade) => regrade.userId).sort()).toEqual([solver.id, solver.id, almost.id, broken.id].sort());
    expect(regrades.some((regrade) => regrade.regradeOfId === originals.other)).toBe(false);
    expect(regrades.some((regrade) => regrade.regradeOfId === interviewAnswer.id)).toBe(false);
    await prisma.interviewSession.delete({ where: { id: interview.id } });
    await prisma.submission.delete({ where: { id: interviewAnswer.id } });
    expect(await prisma.regradeBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "RUNNING", total: 4, activeItemId: GATHER });

    // Two gradings land, then the expansion is delivered again: it copies
    // nothing twice and keeps the count; a grading delivered twice counts once.
    for (const regrade of regrades.slice(0, 2)) await gradeSubmissionJob({ submissionId: regrade.id }, helpers());
    await gradeSubmissionJob({ submissionId: regrades[0]!.id }, helpers());
    await applyRegradeJob({ batchId: batch.id }, helpers());
    expect(await prisma.submission.count({ where: { regradeBatchId: batch.id } })).toBe(4);
    expect(await prisma.regradeBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "RUNNING", total: 4, done: 2 });

    for (const regrade of regrades.slice(2)) await gradeSubmissionJob({ submissionId: regrade.id }, helpers());
    const finished = await prisma.regradeBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(finished).toMatchObject({ status: "DONE", done: 4, total: 4, activeItemId: null });
    expect(finished.finishedAt).not.toBeNull();

    const copy = await prisma.submission.findFirstOrThrow({ where: { regradeOfId: originals.solver, regradeBatchId: batch.id } });
    expect(copy).toMatchObject({ status: "DONE", verdict: "FAILED", contentHash: "stricter" });
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: originals.solver } })).verdict).toBe("PASSED");
    // The stricter tests take the solve back; the attempts stay the student's own.
    const progress = await prisma.progress.findUniqueOrThrow({ where: { userId_itemId: { userId: solver.id, itemId: GATHER } } });
    expect(progress).toMatchObject({ solvedAt: null, attempts: 2 });
    expect(progress.bestScore).toBeLessThan(1);
    const untouched = await prisma.progress.findUniqueOrThrow({ where: { userId_itemId: { userId: otherStudent.id, itemId: GATHER } } });
    expect(untouched.bestScore).toBe(1);
    expect(untouched.solvedAt).not.toBeNull();

    const page = await listClassRegrades(teacher, classId);
    expect(page.exercises.find((exercise) => exercise.item.id === GATHER)).toMatchObject({ latestSubmissions: 3, outdated: 0 });
    // Once it is done, the next regrade of the exercise may start.
    expect((await send(otherTeacher, otherClassId, { exerciseId: GATHER, mode: "apply" })).status).toBe(202);
  }, 180_000);

  it("an admin regrades everyone through the exercise's route", async () => {
    await prisma.regradeBatch.updateMany({ where: { activeItemId: GATHER }, data: { activeItemId: null, status: "DONE" } });
    const accepted = await sendAdmin(admin);
    expect(accepted.status).toBe(202);
    const { batch } = (await accepted.json()) as { batch: { id: string; classId: string | null } };
    expect(batch.classId).toBeNull();
    await applyRegradeJob({ batchId: batch.id }, helpers());
    const regraded = await prisma.submission.findMany({ where: { regradeBatchId: batch.id }, select: { regradeOfId: true } });
    const everyOriginal = await prisma.submission.count({ where: { itemId: GATHER, regradeOfId: null } });
    expect(regraded).toHaveLength(everyOriginal);
    expect(regraded.map((regrade) => regrade.regradeOfId)).toContain(originals.other);
  });
});
