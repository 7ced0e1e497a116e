/** What GET /api/health reports: the web process, the database and the queue. */
import { prisma } from "../db/client";
import { getQueueStatus, type QueueStatus } from "../queue/queue";
import { getEnv } from "../env";

type Check<Extra> = ({ status: "ok" } & Extra) | { status: "error"; error: string };

export type Health = {
  status: "ok" | "degraded";
  web: { status: "ok"; uptimeSeconds: number };
  database: Check<{ latencyMs: number }>;
  queue: Check<QueueStatus & { workersAlive: number }>;
};

const startedAt = Date.now();

export async function getHealth(): Promise<Health> {
  const web = { status: "ok" as const, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
  const database = await check(async () => {
    const begin = performance.now();
    await prisma.$queryRaw`SELECT 1`;
    return { latencyMs: Math.round((performance.now() - begin) * 10) / 10 };
  });
  const queue =
    database.status === "ok"
      ? await check(async () => {
          const status = await getQueueStatus();
          if (!status.installed) throw new Error("the queue schema is not installed (start a worker: npm run worker)");
          // A worker is alive when its heartbeat is fresher than three beats.
          const staleBefore = new Date(Date.now() - 3 * getEnv().WORKER_HEARTBEAT_SECONDS * 1000);
          const workersAlive = await prisma.workerHeartbeat.count({ where: { lastSeenAt: { gte: staleBefore } } });
          return { ...status, workersAlive };
        })
      : { status: "error" as const, error: "database unavailable" };
  const status = database.status === "ok" && queue.status === "ok" ? "ok" : "degraded";
  return { status, web, database, queue };
}

async function check<Extra>(probe: () => Promise<Extra>): Promise<Check<Extra>> {
  try {
    return { status: "ok", ...(await withTimeout(probe(), 3000)) };
  } catch (error) {
    return { status: "error", error: error instanceof Error ? error.message : String(error) };
  }
}

function withTimeout<Value>(promise: Promise<Value>, milliseconds: number): Promise<Value> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${milliseconds} ms`)), milliseconds).unref()),
  ]);
}
