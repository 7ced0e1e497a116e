import { prisma } from "../db/client";

/** The batch's job gave up: it ends FAILED and frees the exercise for the next regrade. */
export async function failRegradeBatch(batchId: string): Promise<void> {
  await prisma.regradeBatch.updateMany({
    where: { id: batchId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", activeItemId: null, finishedAt: new Date() },
  });
}
