// A burst of 500 submissions from 50 students at once: 500 verdicts, none
// lost, none graded twice, every student's progress counting exactly 10.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { migrateQueue } from "@/lib/queue/queue";
import { createUser } from "@/lib/users/create-user";
import { createSubmission } from "@/lib/submissions/create-submission";
import { GATHER_EXERCISE_ID, seedGatherExercise } from "../support/seed-exercise";
import { killHard, startWorker, type RunningWorker } from "../support/workers";

const STUDENTS = 50;
const EACH = 10;
const workers: RunningWorker[] = [];

beforeAll(async () => {
  await migrateQueue(process.env.DATABASE_URL ?? "");
  await seedGatherExercise();
});
afterAll(() => {
  for (const worker of workers) killHard(worker.process);
});

describe("a burst of submissions", () => {
  it("gets 500 verdicts from 50 students, none lost, none duplicated", { timeout: 300_000 }, async () => {
    const solution = await readFile(path.join(process.cwd(), "exercises/asyncio/02-concurrency/gather-three-users/solution.py"), "utf8");
    const wrong = solution.replace("await asyncio.gather(get_user(1), get_user(2), get_user(3))", "[await get_user(1), await get_user(2), await get_user(3)]");
    const users = await Promise.all(
      Array.from({ length: STUDENTS }, (_, index) => createUser({ email: `burst-${index}-${crypto.randomUUID()}@example.org`, password: "long enough" })),
    );
    workers.push(startWorker(), startWorker());
    const started = Date.now();
    // Every student submits ten times, all students at once.
    const submitted = await Promise.all(
      users.map(async (user) => {
        const ids: string[] = [];
        for (let index = 0; index < EACH; index += 1) {
          const submission = await createSubmission(user.id, { exerciseId: GATHER_EXERCISE_ID, code: index % 2 === 0 ? solution : wrong });
          ids.push(submission.id);
        }
        return ids;
      }),
    );
    const ids = submitted.flat();
    expect(new Set(ids).size).toBe(STUDENTS * EACH);

    await expect
      .poll(() => prisma.submission.count({ where: { id: { in: ids }, status: "DONE" } }), { timeout: 280_000, interval: 1000 })
      .toBe(STUDENTS * EACH);
    const seconds = (Date.now() - started) / 1000;
    console.log(`burst: ${ids.length} verdicts in ${seconds.toFixed(1)} s (${(ids.length / seconds).toFixed(1)} per second)`);

    const graded = await prisma.submission.findMany({ where: { id: { in: ids } }, select: { verdict: true, attempt: true, code: true } });
    const retried = graded.filter((submission) => submission.attempt !== 1);
    if (retried.length > 0) console.log(`retried ${retried.length}:\n${workers.map((worker) => worker.output()).join("\n")}`);
    expect(retried).toEqual([]);
    expect(graded.filter((submission) => submission.code === solution).every((submission) => submission.verdict === "PASSED")).toBe(true);
    expect(graded.filter((submission) => submission.code === wrong).every((submission) => submission.verdict === "FAILED")).toBe(true);
    const testsPerSubmission = await prisma.testResult.groupBy({ by: ["submissionId"], where: { submissionId: { in: ids } }, _count: true });
    expect(testsPerSubmission).toHaveLength(STUDENTS * EACH);
    expect(new Set(testsPerSubmission.map((row) => row._count)).size).toBe(1);
    const progress = await prisma.progress.findMany({ where: { userId: { in: users.map((user) => user.id) } } });
    expect(progress).toHaveLength(STUDENTS);
    expect(progress.every((row) => row.attempts === EACH && row.bestScore === 1 && row.solvedAt !== null)).toBe(true);
    expect(await prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM graphile_worker._private_jobs`.then((rows) => Number(rows[0]?.count))).toBe(0);
  });
});
