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

/**
 * A job of our own that we no longer run but still lock: its end was never
 * recorded because the database was gone at that moment (graphile-worker
 * does not retry that on a lost connection). Release it, and its named queue,
 * so it runs again.
 */
export async function releaseOwnOrphans(ourQueueWorkerIds: string[], activeJobIds: string[]): Promise<number> {
  if (ourQueueWorkerIds.length === 0) return 0;
  const released = await prisma.$queryRaw<{ id: string }[]>`
    WITH released AS (
      UPDATE graphile_worker._private_jobs SET locked_at = NULL, locked_by = NULL
       WHERE locked_by = ANY(${ourQueueWorkerIds}::text[])
         AND NOT (id::text = ANY(${activeJobIds}::text[]))
         AND locked_at < now() - interval '5 seconds'
      RETURNING id, job_queue_id),
    queues AS (
      UPDATE graphile_worker._private_job_queues SET locked_at = NULL, locked_by = NULL
       WHERE id IN (SELECT job_queue_id FROM released) AND locked_by = ANY(${ourQueueWorkerIds}::text[]))
    SELECT id::text FROM released`;
  return released.length;
}
