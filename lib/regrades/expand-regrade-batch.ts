/**
 * The worker's half of an APPLY: one new submission (regradeOf the original,
 * regradeBatchId the batch) and grading job per original submission in
 * scope, in chunks so a popular exercise never holds one long transaction.
 * Scope: a class's batch takes the originals of the students in the class
 * now; an admin's (classId null) every original. Only originals made before
 * the batch was requested: later ones were graded with the new tests anyway.
 *
 * Idempotent: a retried job skips the originals this batch already copied,
 * and the total is the count of the batch's submissions, whatever attempt
 * made them. The batch ends where its last grading lands
 * (note-batch-grading.ts), or here when nothing was left to grade.
 */
import { prisma, type Prisma } from "../db/client";
import { enqueueGrading } from "../submissions/create-submission";

const CHUNK = 200;

export async function expandRegradeBatch(batchId: string): Promise<number> {
  const batch = await prisma.regradeBatch.findUnique({ where: { id: batchId }, select: { id: true, itemId: true, classId: true, mode: true, status: true, createdAt: true } });
  if (!batch || batch.mode !== "APPLY" || batch.status === "DONE" || batch.status === "FAILED") return 0;
  const where: Prisma.SubmissionWhereInput = {
    itemId: batch.itemId,
    regradeOfId: null,
    queuedAt: { lte: batch.createdAt },
    // A class's regrade is of its students' own work: mock interviews are theirs alone, as in the preview.
    ...(batch.classId ? { interviewSessionId: null, user: { enrolments: { some: { classId: batch.classId } } } } : {}),
  };
  let cursor: string | undefined;
  for (;;) {
    const originals = await prisma.submission.findMany({
      where,
      orderBy: { id: "asc" },
      take: CHUNK,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: { id: true, userId: true, code: true, regrades: { where: { regradeBatchId: batch.id }, select: { id: true } } },
    });
    if (originals.length === 0) break;
    await prisma.$transaction(async (tx) => {
      for (const original of originals) {
        if (original.regrades.length > 0) continue;
        const regrade = await tx.submission.create({
          data: { userId: original.userId, itemId: batch.itemId, code: original.code, regradeOfId: original.id, regradeBatchId: batch.id },
          select: { id: true },
        });
        await enqueueGrading(tx, regrade.id, `grade:${original.userId}:${batch.itemId}`);
      }
    });
    cursor = originals[originals.length - 1]?.id;
  }
  const total = await prisma.submission.count({ where: { regradeBatchId: batch.id } });
  // One statement under the batch's row lock, like the gradings' own count
  // (note-batch-grading.ts): whichever comes second sees the other's write.
  await prisma.$executeRaw`
    UPDATE "RegradeBatch" SET
      total = ${total},
      status = (CASE WHEN done >= ${total} THEN 'DONE' ELSE 'RUNNING' END)::"RegradeStatus",
      "activeItemId" = CASE WHEN done >= ${total} THEN NULL ELSE "activeItemId" END,
      "finishedAt" = CASE WHEN done >= ${total} THEN now() ELSE NULL END
    WHERE id = ${batch.id}::uuid AND status IN ('QUEUED', 'RUNNING')`;
  return total;
}
