/**
 * What GET /api/health reports: the web process, the database and the queue.
 * A part that is down says so in both languages; the raw error (which can
 * name hosts, users or SQL) goes to the server's log only.
 */
import type { Bilingual } from "../errors";
import { prisma } from "../db/client";
import { getQueueStatus, type QueueStatus } from "../queue/queue";
import { getEnv } from "../env";

type Check<Extra> = ({ status: "ok" } & Extra) | { status: "error"; problem: Bilingual };

/** A failure whose cause the health check may tell. */
class HealthProblem extends Error {
  constructor(readonly problem: Bilingual) {
    super(problem.en);
  }
}

const PROBLEMS = {
  database: { "zh-CN": "数据库没有应答。", en: "The database does not answer." },
  databaseDown: { "zh-CN": "数据库不可用，所以无法检查评测队列。", en: "The database is unavailable, so the grading queue cannot be checked." },
  queue: { "zh-CN": "评测队列没有应答。", en: "The grading queue does not answer." },
  queueMissing: {
    "zh-CN": "评测队列还没有安装：启动一个评测进程（npm run worker）。",
    en: "The grading queue is not installed: start a grader worker (npm run worker).",
  },
} satisfies Record<string, Bilingual>;

export type Health = {
  status: "ok" | "degraded";
  web: { status: "ok"; uptimeSeconds: number };
  database: Check<{ latencyMs: number }>;
  queue: Check<QueueStatus & { workersAlive: number }>;
};

const startedAt = Date.now();

export async function getHealth(): Promise<Health> {
  const web = { status: "ok" as const, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
  const database = await check(PROBLEMS.database, async () => {
    const begin = performance.now();
    await prisma.$queryRaw`SELECT 1`;
    return { latencyMs: Math.round((performance.now() - begin) * 10) / 10 };
  });
  const queue =
    database.status === "ok"
      ? await check(PROBLEMS.queue, async () => {
          const status = await getQueueStatus();
          if (!status.installed) throw new HealthProblem(PROBLEMS.queueMissing);
          // A worker is alive when its heartbeat is fresher than three beats.
          const staleBefore = new Date(Date.now() - 3 * getEnv().WORKER_HEARTBEAT_SECONDS * 1000);
          const workersAlive = await prisma.workerHeartbeat.count({ where: { lastSeenAt: { gte: staleBefore } } });
          return { ...status, workersAlive };
        })
      : { status: "error" as const, problem: PROBLEMS.databaseDown };
  const status = database.status === "ok" && queue.status === "ok" ? "ok" : "degraded";
  return { status, web, database, queue };
}

async function check<Extra>(down: Bilingual, probe: () => Promise<Extra>): Promise<Check<Extra>> {
  try {
    return { status: "ok", ...(await withTimeout(probe(), 3000)) };
  } catch (error) {
    if (error instanceof HealthProblem) return { status: "error", problem: error.problem };
    console.error(`health check: ${down.en}`, error);
    return { status: "error", problem: down };
  }
}

function withTimeout<Value>(promise: Promise<Value>, milliseconds: number): Promise<Value> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${milliseconds} ms`)), milliseconds).unref()),
  ]);
}
