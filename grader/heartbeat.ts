/**
 * Each worker process writes a heartbeat row while it runs, naming the
 * queue workers (graphile-worker's ids) it hosts. The health check counts
 * live workers from it; the sweeper releases jobs locked by workers whose
 * heartbeat went stale (graphile-worker's own lock would last 4 hours).
 */
import { hostname } from "node:os";
import { prisma } from "../lib/db/client";

export function startHeartbeat(
  workerId: string,
  intervalSeconds: number,
  queueWorkerIds: () => string[],
  onError: (error: unknown) => void,
) {
  const beat = () =>
    prisma.workerHeartbeat.upsert({
      where: { id: workerId },
      create: { id: workerId, hostname: hostname(), pid: process.pid, queueWorkerIds: queueWorkerIds() },
      update: { lastSeenAt: new Date(), queueWorkerIds: queueWorkerIds() },
    });
  const timer = setInterval(() => {
    beat().catch(onError);
  }, intervalSeconds * 1000);
  return {
    ready: beat(),
    beatNow: () => beat().catch(onError),
    async stop() {
      clearInterval(timer);
      await prisma.workerHeartbeat.delete({ where: { id: workerId } }).catch(() => undefined);
    },
  };
}
