/**
 * A teacher (for a class) or an admin (for a class, or everyone) applies a
 * regrade: an APPLY batch whose activeItemId is the exercise while it runs.
 * The unique index on activeItemId is what refuses a second APPLY of the same
 * exercise meanwhile, whoever asks and for whichever class: the answer is 409
 * naming the running one. The worker expands the batch (expand-regrade-batch.ts).
 */
import { prisma } from "../db/client";
import { addJob } from "../queue/queue";
import type { Viewer } from "../access/access";
import { findRegradeTarget } from "./find-regrade-target";
import { runningRegradeError } from "./running-regrade-error";
import { batchSelect, type RegradeBatchView } from "./batch-view";
import { APPLY_REGRADE_TASK } from "./schemas";

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}

export async function applyRegrade(viewer: Viewer, exerciseId: string, classId: string | null): Promise<RegradeBatchView> {
  const target = await findRegradeTarget(viewer, exerciseId, classId);
  try {
    return await prisma.$transaction(async (tx) => {
      const batch = await tx.regradeBatch.create({
        data: {
          itemId: exerciseId,
          classId: target.classId,
          requestedById: viewer.id,
          mode: "APPLY",
          contentHash: target.exercise.contentHash,
          activeItemId: exerciseId,
        },
        select: batchSelect,
      });
      await addJob(tx, APPLY_REGRADE_TASK, { batchId: batch.id }, { maxAttempts: 3 });
      return batch;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const running = await prisma.regradeBatch.findUnique({
      where: { activeItemId: exerciseId },
      select: { mode: true, createdAt: true, done: true, total: true, requestedBy: { select: { name: true, email: true } } },
    });
    // It finished between the failed insert and this look: the teacher may simply ask again.
    throw runningRegradeError(running ?? { mode: "APPLY", createdAt: new Date(), done: 0, total: 0, requestedBy: { name: null, email: "?" } });
  }
}
