// PostgreSQL restarts while workers grade: they reconnect and go on, and
// every submission gets exactly one verdict. This file runs its own
// PostgreSQL cluster, so restarting it disturbs no other test.
import { chmod, mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma, prisma } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { migrateQueue } from "@/lib/queue/queue";
import { createUser } from "@/lib/users/create-user";
import { createSubmission } from "@/lib/submissions/create-submission";
import { GATHER_EXERCISE_ID, seedGatherExercise } from "../support/seed-exercise";
import { killHard, startWorker, type RunningWorker } from "../support/workers";
import { freePort } from "../support/test-database";

let cluster: EmbeddedDatabase;
let dataDir: string;
let port: number;
const workers: RunningWorker[] = [];

const start = () => startEmbeddedPostgres({ dataDir, port, database: "restart", durable: false });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "awaitable-restart-"));
  await chmod(dataDir, 0o755);
  port = await freePort();
  cluster = await start();
  process.env.DATABASE_URL = cluster.url;
  await disconnectPrisma();
  await applyMigrations(cluster.url);
  await migrateQueue(cluster.url);
  await seedGatherExercise();
}, 120_000);

afterAll(async () => {
  for (const worker of workers) killHard(worker.process);
  await disconnectPrisma();
  await cluster.stop();
});

describe("PostgreSQL restarts under load", () => {
  it("loses no submission and records each verdict once", { timeout: 240_000 }, async () => {
    const solution = await readFile(path.join(process.cwd(), "exercises/asyncio/02-concurrency/gather-three-users/solution.py"), "utf8");
    const users = await Promise.all(
      Array.from({ length: 4 }, (_, index) => createUser({ email: `restart-${index}@example.org`, password: "long enough" })),
    );
    const ids: string[] = [];
    for (let round = 0; round < 10; round += 1) {
      for (const user of users) ids.push((await createSubmission(user.id, { exerciseId: GATHER_EXERCISE_ID, code: solution })).id);
    }
    workers.push(startWorker({ DATABASE_URL: cluster.url }), startWorker({ DATABASE_URL: cluster.url }));
    await expect.poll(() => prisma.submission.count({ where: { status: "DONE" } }), { timeout: 60_000, interval: 200 }).toBeGreaterThan(3);

    await disconnectPrisma();
    await cluster.stop();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    cluster = await start();

    for (const user of users) ids.push((await createSubmission(user.id, { exerciseId: GATHER_EXERCISE_ID, code: solution })).id);
    await expect
      .poll(() => prisma.submission.count({ where: { id: { in: ids }, status: "DONE" } }), { timeout: Number(process.env.RESTART_WAIT_MS ?? 150_000), interval: 1000 })
      .toBe(ids.length)
      .catch((error: unknown) => {
        throw new Error(`${String(error)}\n${workers.map((worker) => `exit ${worker.process.exitCode} ${worker.process.signalCode}\n${worker.output()}`).join("\n----\n")}`);
      });
    const verdicts = await prisma.submission.findMany({ where: { id: { in: ids } }, select: { verdict: true } });
    expect(verdicts.every((submission) => submission.verdict === "PASSED")).toBe(true);
    const progress = await prisma.progress.findMany();
    expect(progress.map((row) => row.attempts)).toEqual([11, 11, 11, 11]);
    for (const worker of workers) expect(worker.process.exitCode).toBeNull();
  });
});
