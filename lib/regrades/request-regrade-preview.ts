/**
 * A teacher asks what a regrade would change: one PREVIEW batch and one job
 * (grader/tasks/preview-regrade.ts), which grades each student's latest
 * submission with the current tests and writes no verdict. While one preview
 * of the same class and exercise runs, a second is refused (409): the
 * advisory lock makes "none running, so create one" a single step.
 */
import { prisma } from "../db/client";
import { addJob } from "../queue/queue";
import type { Viewer } from "../access/access";
import { findRegradeTarget } from "./find-regrade-target";
import { runningRegradeError } from "./running-regrade-error";
import { batchSelect, type RegradeBatchView } from "./batch-view";
import { PREVIEW_REGRADE_TASK } from "./schemas";

export async function requestRegradePreview(viewer: Viewer, exerciseId: string, classId: string | null): Promise<RegradeBatchView> {
  const target = await findRegradeTarget(viewer, exerciseId, classId);
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`regrade-preview:${exerciseId}:${target.classId ?? "all"}`}))`;
    const running = await tx.regradeBatch.findFirst({
      where: { itemId: exerciseId, classId: target.classId, mode: "PREVIEW", status: { in: ["QUEUED", "RUNNING"] } },
      select: { mode: true, createdAt: true, done: true, total: true, requestedBy: { select: { name: true, email: true } } },
    });
    if (running) throw runningRegradeError(running);
    const batch = await tx.regradeBatch.create({
      data: { itemId: exerciseId, classId: target.classId, requestedById: viewer.id, mode: "PREVIEW", contentHash: target.exercise.contentHash },
      select: batchSelect,
    });
    await addJob(tx, PREVIEW_REGRADE_TASK, { batchId: batch.id }, { maxAttempts: 3 });
    return batch;
  });
}
