/**
 * Each worker process writes a heartbeat row while it runs. The health check
 * counts live workers from it; the crash sweeper (grading pipeline) uses it
 * to tell a dead worker's jobs from a slow one's.
 */
import { hostname } from "node:os";
import { prisma } from "../lib/db/client";

export function startHeartbeat(workerId: string, intervalSeconds: number, onError: (error: unknown) => void) {
  const beat = () =>
    prisma.workerHeartbeat.upsert({
      where: { id: workerId },
      create: { id: workerId, hostname: hostname(), pid: process.pid },
      update: { lastSeenAt: new Date() },
    });
  let timer: NodeJS.Timeout | undefined;
  const first = beat();
  timer = setInterval(() => {
    beat().catch(onError);
  }, intervalSeconds * 1000);
  return {
    ready: first,
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await prisma.workerHeartbeat.delete({ where: { id: workerId } }).catch(() => undefined);
    },
  };
}
