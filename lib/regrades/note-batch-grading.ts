/**
 * Called inside recordGradingResult's transaction when a regrade's verdict
 * lands (exactly once per submission: that transaction holds the
 * submission's row lock and skips a finished one, so a retried or
 * duplicated job never counts twice).
 *
 * - The batch's counter rises, and the batch ends (DONE, activeItemId free
 *   for the next regrade) with its last submission, once its expansion has
 *   set the total. Detected here rather than by a periodic check: the last
 *   grading is the moment it becomes true, and the batch row's lock orders
 *   this against the expansion's own check.
 * - The student's progress is recomputed from the grading that stands for
 *   each of their submissions (compare-gradings.ts, progressFromGradings):
 *   the best score may fall and a solve may be taken back, since that is what
 *   the new tests say. Attempts are not touched: a regrade is not the
 *   student's attempt.
 */
import type { Transaction } from "../db/client";
import { progressFromGradings } from "./compare-gradings";

export async function noteBatchGrading(tx: Transaction, batchId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "RegradeBatch" SET
      done = done + 1,
      status = (CASE WHEN status = 'RUNNING' AND done + 1 >= total THEN 'DONE' ELSE status::text END)::"RegradeStatus",
      "activeItemId" = CASE WHEN status = 'RUNNING' AND done + 1 >= total THEN NULL ELSE "activeItemId" END,
      "finishedAt" = CASE WHEN status = 'RUNNING' AND done + 1 >= total THEN now() ELSE "finishedAt" END
    WHERE id = ${batchId}::uuid`;
}

export async function recomputeProgress(tx: Transaction, userId: string, itemId: string): Promise<void> {
  const originals = await tx.submission.findMany({
    where: { userId, itemId, regradeOfId: null },
    select: {
      status: true,
      verdict: true,
      score: true,
      queuedAt: true,
      regrades: { orderBy: { queuedAt: "desc" }, select: { status: true, verdict: true, score: true } },
    },
  });
  const { bestScore, solvedAt } = progressFromGradings(
    originals.map(({ regrades, queuedAt, ...original }) => ({ original: { ...original, submittedAt: queuedAt }, regradesNewestFirst: regrades })),
  );
  await tx.progress.upsert({
    where: { userId_itemId: { userId, itemId } },
    create: { userId, itemId, bestScore, solvedAt },
    update: { bestScore, solvedAt },
  });
}
