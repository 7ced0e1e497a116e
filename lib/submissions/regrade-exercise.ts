/**
 * Regrading after an exercise's tests changed: every original submission of
 * the exercise gets a new submission (regradeOf the old one) with the same
 * code, queued for grading. The old results stay in history.
 *
 * The web request only enqueues one bulk job (REGRADE_TASK); the worker
 * expands it in batches, so a popular exercise does not hold a request open.
 */
import { AppError } from "../errors";
import { prisma } from "../db/client";
import { bilingual } from "../i18n/messages";
import { spendOrThrow } from "../http/rate-limit";
import { enqueueGrading } from "./create-submission";
import { addJob } from "../queue/queue";

/** Each regrade queues every submission again: two in a row, then one per 5 minutes for an exercise. */
export const REGRADE_BUCKET = { capacity: 2, perSecond: 1 / 300 };

export const REGRADE_TASK = "regrade_exercise";
const BATCH = 200;

export async function requestRegrade(exerciseId: string): Promise<{ submissions: number }> {
  const exercise = await prisma.courseItem.findFirst({ where: { id: exerciseId, kind: "EXERCISE" }, select: { id: true } });
  if (!exercise) throw new AppError("NOT_FOUND", bilingual("error.exerciseNotFound"));
  await spendOrThrow([{ key: `regrade:exercise:${exerciseId}`, bucket: REGRADE_BUCKET }], (seconds) =>
    bilingual("error.regradeRateLimited", () => ({ seconds })),
  );
  const submissions = await prisma.submission.count({ where: { itemId: exerciseId, regradeOfId: null } });
  await addJob(prisma, REGRADE_TASK, { exerciseId }, { maxAttempts: 3 });
  return { submissions };
}

/** The bulk job: one new submission and grading job per original submission. */
export async function expandRegrade(exerciseId: string, requestedAt: Date): Promise<number> {
  let created = 0;
  let cursor: string | undefined;
  for (;;) {
    const originals = await prisma.submission.findMany({
      where: { itemId: exerciseId, regradeOfId: null, queuedAt: { lte: requestedAt } },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: { id: true, userId: true, code: true },
    });
    if (originals.length === 0) return created;
    await prisma.$transaction(async (tx) => {
      for (const original of originals) {
        // A retried bulk job must not regrade the same submission twice.
        const already = await tx.submission.findFirst({
          where: { regradeOfId: original.id, queuedAt: { gte: requestedAt } },
          select: { id: true },
        });
        if (already) continue;
        const regrade = await tx.submission.create({
          data: { userId: original.userId, itemId: exerciseId, code: original.code, regradeOfId: original.id },
          select: { id: true },
        });
        await enqueueGrading(tx, regrade.id, `grade:${original.userId}:${exerciseId}`);
        created += 1;
      }
    });
    cursor = originals[originals.length - 1]?.id;
  }
}
