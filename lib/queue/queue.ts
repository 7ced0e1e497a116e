/**
 * The grading queue is graphile-worker: PostgreSQL only, jobs picked up by
 * LISTEN/NOTIFY within milliseconds. Its tables live in the `graphile_worker`
 * schema, which graphile-worker migrates itself (never in our migrations).
 */
import { Logger, runMigrations } from "graphile-worker";
import { prisma } from "../db/client";

export const QUEUE_SCHEMA = "graphile_worker";

export async function migrateQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, schema: QUEUE_SCHEMA, logger: quietLogger });
}

/** Anything that runs raw SQL: the Prisma client, or a transaction of it (the job lands with the rows it belongs to). */
type RawExecutor = { $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => Promise<number> };

/**
 * Queues one job through graphile-worker's own `add_job`. `queueName`: jobs
 * of one named queue run one after another, in order; `jobKey`: a second
 * job with the same key replaces a pending one instead of adding another;
 * `runAt`: not before then (found by the worker's poll for due jobs, every 0.5 s: grader/worker.ts).
 */
export async function addJob(
  db: RawExecutor,
  task: string,
  payload: Record<string, string>,
  options: { maxAttempts: number; queueName?: string; jobKey?: string; runAt?: Date },
): Promise<void> {
  await db.$executeRaw`SELECT graphile_worker.add_job(
    ${task}::text,
    ${JSON.stringify(payload)}::json,
    queue_name => ${options.queueName ?? null}::text,
    max_attempts => ${options.maxAttempts}::int,
    job_key => ${options.jobKey ?? null}::text,
    run_at => ${options.runAt ?? null}::timestamptz
  )`;
}

/** Drops a pending job by its key (a no-op when there is none, or it is running). */
export async function removeJob(db: RawExecutor, jobKey: string): Promise<void> {
  await db.$executeRaw`SELECT graphile_worker.remove_job(${jobKey}::text)`;
}

export type QueueStatus = { installed: boolean; pendingJobs: number; runningJobs: number; failedJobs: number };

export async function getQueueStatus(): Promise<QueueStatus> {
  const installed = await prisma.$queryRaw<{ present: boolean }[]>`
    SELECT to_regclass('graphile_worker._private_jobs') IS NOT NULL AS present`;
  if (!installed[0]?.present) return { installed: false, pendingJobs: 0, runningJobs: 0, failedJobs: 0 };
  const rows = await prisma.$queryRaw<{ pending: bigint; running: bigint; failed: bigint }[]>`
    SELECT count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts) AS pending,
           count(*) FILTER (WHERE locked_at IS NOT NULL) AS running,
           count(*) FILTER (WHERE attempts >= max_attempts) AS failed
      FROM graphile_worker._private_jobs`;
  const row = rows[0];
  return {
    installed: true,
    pendingJobs: Number(row?.pending ?? 0),
    runningJobs: Number(row?.running ?? 0),
    failedJobs: Number(row?.failed ?? 0),
  };
}


/** graphile-worker logs every poll at debug level; keep warnings and errors. */
export const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[queue] ${level}: ${message}`);
});
