/**
 * A student reveals their next hint. The server decides (the page only
 * asks): hints come one at a time, each only once unlocked by attempts
 * (hint-unlocks.ts), and how many a student revealed is kept in their
 * progress for their teacher. The text of a hint leaves the server only here
 * and on the exercise page once revealed.
 */
import { z } from "zod";
import { AppError } from "../errors";
import { prisma } from "../db/client";
import { bilingual } from "../i18n/messages";
import { isUuid } from "../ids";
import { hintsUnlocked } from "./hint-unlocks";
import { isRunningInterviewTask, lockedDuringInterview } from "../interviews/running-task";

const ZHints = z.object({ hints: z.array(z.object({ "zh-CN": z.string(), en: z.string() })).optional() }).loose();

export async function revealHint(userId: string, exerciseId: string) {
  if (!isUuid(exerciseId)) throw new AppError("NOT_FOUND", bilingual("error.exerciseNotFound"));
  return prisma.$transaction(async (tx) => {
    const item = await tx.courseItem.findFirst({ where: { id: exerciseId, kind: "EXERCISE", archivedAt: null }, select: { content: true } });
    if (!item) throw new AppError("NOT_FOUND", bilingual("error.exerciseNotFound"));
    if (await isRunningInterviewTask(userId, exerciseId, tx)) throw lockedDuringInterview();
    const hints = ZHints.parse(item.content).hints ?? [];
    // Row lock on the student's progress: two clicks at once reveal one hint.
    await tx.$executeRaw`
      INSERT INTO "Progress" (id, "userId", "itemId", "updatedAt") VALUES (gen_random_uuid(), ${userId}::uuid, ${exerciseId}::uuid, now())
      ON CONFLICT ("userId", "itemId") DO NOTHING`;
    const [progress] = await tx.$queryRaw<{ attempts: number; hintsRevealed: number }[]>`
      SELECT attempts, "hintsRevealed" FROM "Progress" WHERE "userId" = ${userId}::uuid AND "itemId" = ${exerciseId}::uuid FOR UPDATE`;
    const revealed = progress?.hintsRevealed ?? 0;
    if (revealed >= hints.length) throw new AppError("CONFLICT", bilingual("error.noMoreHints"));
    if (revealed >= hintsUnlocked(hints.length, progress?.attempts ?? 0)) throw new AppError("CONFLICT", bilingual("error.hintLocked"));
    await tx.progress.update({ where: { userId_itemId: { userId, itemId: exerciseId } }, data: { hintsRevealed: revealed + 1 } });
    return { revealed: hints.slice(0, revealed + 1), total: hints.length };
  });
}
