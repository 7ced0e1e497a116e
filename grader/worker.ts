/**
 * The grader worker process: claims jobs from the PostgreSQL queue
 * (graphile-worker) and, from the grading-pipeline issue on, grades
 * submissions in the sandbox. Run as many as you like against one database
 * (`npm run worker`); each takes GRADER_CONCURRENCY jobs at a time.
 *
 * SIGTERM/SIGINT: stop taking jobs, finish the running ones, exit. A second
 * signal exits at once.
 */
import { randomUUID } from "node:crypto";
import { availableParallelism, hostname } from "node:os";
import { EventEmitter } from "node:events";
import { makeWorkerUtils, run, type TaskList, type WorkerEvents } from "graphile-worker";
import pg from "pg";
import { disconnectPrisma } from "../lib/db/client";
import { EnvError, parseWorkerEnv } from "../lib/env";
import { QUEUE_SCHEMA, quietLogger } from "../lib/queue/queue";
import { GRADE_TASK } from "../lib/submissions/schemas";
import { APPLY_REGRADE_TASK, PREVIEW_REGRADE_TASK } from "../lib/regrades/schemas";
import { startHeartbeat } from "./heartbeat";
import { releaseOwnOrphans, sweepAbandonedJobs } from "./sweeper";
import { dropIdleBuckets } from "../lib/http/rate-limit";
import { gradeSubmissionJob } from "./tasks/grade-submission";
import { runProgramJob } from "./tasks/run-program";
import { gradeReferenceJob } from "./tasks/grade-reference";
import { previewRegradeJob } from "./tasks/preview-regrade";
import { applyRegradeJob } from "./tasks/apply-regrade";
import { interviewDeadlineJob } from "./tasks/interview-deadline";
import { INTERVIEW_DEADLINE_TASK } from "../lib/interviews/schemas";
import { GRADE_REFERENCE_TASK } from "../lib/exercises/reference-timeline";
import { dropOldRuns } from "../lib/runs/record-run-result";
import { RUN_TASK } from "../lib/runs/schemas";
import { defaultSpawner, SandboxUnavailableError } from "./spawn";

const log = (message: string) => console.log(`[worker ${process.pid}] ${message}`);

/** Connection failures: the database went away (a restart, a network cut). */
function isConnectionLoss(error: unknown): boolean {
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
  const message = error instanceof Error ? error.message : String(error);
  return (
    ["ECONNREFUSED", "ECONNRESET", "EPIPE", "57P01", "57P02", "57P03"].includes(code) ||
    code.startsWith("08") ||
    /Connection terminated|Can't reach database server|not queryable/i.test(message)
  );
}

const describe = (error: unknown) => (error instanceof Error ? error.message.split("\n").filter(Boolean).slice(-1)[0] ?? error.message : String(error));

async function main() {
  // graphile-worker records a job's end without retrying on a lost
  // connection, and the promise it drops would end the process. The job is
  // still ours and locked: the sweeper releases it once the database is back.
  process.on("unhandledRejection", (error) => {
    if (!isConnectionLoss(error)) throw error;
    log(`the database was unreachable while recording a job's end (${describe(error)}); it will run again`);
  });

  const env = parseWorkerEnv();
  const concurrency = env.GRADER_CONCURRENCY ?? availableParallelism();
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  // The sandbox's self-check: a worker that cannot isolate student code
  // takes no jobs at all (AWAITABLE_UNSANDBOXED=1 only for development).
  const spawner = await defaultSpawner();
  log(spawner.sandboxed ? "sandbox self-check passed" : "WARNING: running student code without a sandbox (AWAITABLE_UNSANDBOXED=1)");
  const taskList: TaskList = {
    [GRADE_TASK]: (payload, helpers) => gradeSubmissionJob(payload, helpers, spawner),
    [RUN_TASK]: (payload, helpers) => runProgramJob(payload, helpers, spawner),
    [GRADE_REFERENCE_TASK]: (payload, helpers) => gradeReferenceJob(payload, helpers, spawner),
    [PREVIEW_REGRADE_TASK]: (payload, helpers) => previewRegradeJob(payload, helpers, spawner),
    [APPLY_REGRADE_TASK]: (payload, helpers) => applyRegradeJob(payload, helpers),
    [INTERVIEW_DEADLINE_TASK]: (payload) => interviewDeadlineJob(payload, log),
  };

  const queueWorkerIds = new Set<string>();
  const events: WorkerEvents = new EventEmitter();
  const heartbeat = startHeartbeat(workerId, env.WORKER_HEARTBEAT_SECONDS, () => [...queueWorkerIds], (error) =>
    log(`heartbeat failed (will retry): ${String(error)}`),
  );
  // Jobs are locked under the pool's id (or, without a pool-level queue,
  // each worker's): record both, before the first job is taken.
  events.on("pool:create", ({ workerPool }) => {
    queueWorkerIds.add(workerPool.id);
    void heartbeat.beatNow();
  });
  events.on("worker:create", ({ worker }) => {
    queueWorkerIds.add(worker.workerId);
    void heartbeat.beatNow();
  });
  const activeJobs = new Set<string>();
  events.on("job:start", ({ job }) => activeJobs.add(String(job.id)));
  events.on("job:complete", ({ job }) => activeJobs.delete(String(job.id)));
  await heartbeat.ready;
  // Our own pool, so a lost connection (a database restart) is logged and
  // replaced instead of crashing the process with an unhandled 'error' event.
  const pgPool = new pg.Pool({ connectionString: env.DATABASE_URL, max: concurrency + 4 });
  pgPool.on("error", (error) => log(`queue connection lost (will reconnect): ${error.message}`));
  pgPool.on("connect", (client) => client.on("error", (error) => log(`queue connection error: ${error.message}`)));
  const runner = await run({
    pgPool,
    schema: QUEUE_SCHEMA,
    concurrency,
    noHandleSignals: true,
    // A job inserted now is announced (LISTEN/NOTIFY); one due later (an
    // interview's deadline) is found only by this poll: it bounds how late a
    // deadline is handed in. One cheap query per interval when idle.
    pollInterval: 500,
    taskList,
    events,
    logger: quietLogger,
  });
  const utils = await makeWorkerUtils({ pgPool, schema: QUEUE_SCHEMA, logger: quietLogger });
  const sweeper = setInterval(() => {
    sweepAbandonedJobs(utils, env.WORKER_HEARTBEAT_SECONDS).then(
      (released) => released.length > 0 && log(`released the jobs of dead workers ${released.join(", ")}`),
      (error: unknown) => log(`sweep failed (will retry): ${describe(error)}`),
    );
    releaseOwnOrphans([...queueWorkerIds], [...activeJobs]).then(
      (released) => released > 0 && log(`released ${released} job(s) whose end the database missed`),
      (error: unknown) => log(`sweep failed (will retry): ${describe(error)}`),
    );
  }, env.WORKER_HEARTBEAT_SECONDS * 1000);
  // Rate-limit buckets untouched for a day are full again, and week-old runs are
  // scratch: their rows can go (hourly).
  const bucketSweeper = setInterval(() => {
    dropIdleBuckets().catch((error: unknown) => log(`dropping idle rate-limit buckets failed (will retry): ${describe(error)}`));
    dropOldRuns().catch((error: unknown) => log(`dropping old runs failed (will retry): ${describe(error)}`));
  }, 60 * 60 * 1000);
  bucketSweeper.unref();
  log(`ready: concurrency ${concurrency}, queue connected, id ${workerId}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      log(`second ${signal}: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: finishing running jobs, taking no new ones`);
    clearInterval(sweeper);
    clearInterval(bucketSweeper);
    await runner.stop();
    await utils.release();
    await heartbeat.stop();
    await pgPool.end();
    await disconnectPrisma();
    log("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  await runner.promise;
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError || error instanceof SandboxUnavailableError ? error.message : error);
  process.exit(1);
});
