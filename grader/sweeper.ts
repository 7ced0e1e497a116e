/**
 * Crash recovery: a worker killed mid-job (SIGKILL, a lost machine) leaves
 * its job locked. Every worker sweeps now and then: a job locked for a
 * while by a queue worker that no live heartbeat names is released, and
 * another worker (or the restarted one) grades it.
 */
import type { WorkerUtils } from "graphile-worker";
import { prisma } from "../lib/db/client";

export async function sweepAbandonedJobs(utils: WorkerUtils, heartbeatSeconds: number): Promise<string[]> {
  const staleBefore = new Date(Date.now() - 3 * heartbeatSeconds * 1000);
  const locked = await prisma.$queryRaw<{ locked_by: string }[]>`
    SELECT DISTINCT locked_by FROM graphile_worker._private_jobs
     WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => ${heartbeatSeconds}::int)`;
  if (locked.length === 0) return [];
  const live = await prisma.workerHeartbeat.findMany({
    where: { lastSeenAt: { gte: staleBefore } },
    select: { queueWorkerIds: true },
  });
  const alive = new Set(live.flatMap((heartbeat) => heartbeat.queueWorkerIds));
  const dead = locked.map((row) => row.locked_by).filter((id) => !alive.has(id));
  if (dead.length > 0) await utils.forceUnlockWorkers(dead);
  return dead;
}
