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
import { run, type TaskList } from "graphile-worker";
import pg from "pg";
import { disconnectPrisma } from "../lib/db/client";
import { getEnv, EnvError } from "../lib/env";
import { QUEUE_SCHEMA, quietLogger } from "../lib/queue/queue";
import { startHeartbeat } from "./heartbeat";
import { defaultSpawner, SandboxUnavailableError } from "./spawn";

const log = (message: string) => console.log(`[worker ${process.pid}] ${message}`);

async function main() {
  const env = getEnv();
  const concurrency = env.GRADER_CONCURRENCY ?? availableParallelism();
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const taskList: TaskList = {};

  // The sandbox's self-check: a worker that cannot isolate student code
  // takes no jobs at all (AWAITABLE_UNSANDBOXED=1 only for development).
  const spawner = await defaultSpawner();
  log(spawner.sandboxed ? "sandbox self-check passed" : "WARNING: running student code without a sandbox (AWAITABLE_UNSANDBOXED=1)");

  const heartbeat = startHeartbeat(workerId, env.WORKER_HEARTBEAT_SECONDS, (error) =>
    log(`heartbeat failed (will retry): ${String(error)}`),
  );
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
    pollInterval: 2000,
    taskList,
    logger: quietLogger,
  });
  log(`ready: concurrency ${concurrency}, queue connected, id ${workerId}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      log(`second ${signal}: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: finishing running jobs, taking no new ones`);
    await runner.stop();
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
