/**
 * A student marks a lesson read: its Progress row says so (solvedAt, the
 * first time; lastAttemptAt, every time), which is what the course map and
 * "continue" read for a lesson. A lesson is read or not: it counts as
 * complete (bestScore 1) and never as an attempt.
 */
import { prisma } from "../db/client";
import { AppError } from "../errors";
import { bilingual } from "../i18n/messages";

export async function markLessonRead(userId: string, lessonId: string, now = new Date()): Promise<void> {
  const lesson = await prisma.courseItem.findFirst({ where: { id: lessonId, kind: "LESSON", archivedAt: null }, select: { id: true } });
  if (!lesson) throw new AppError("NOT_FOUND", bilingual("progress.lessonNotFound"));
  // One statement under the unique (userId, itemId): reading twice at once writes one row.
  await prisma.$executeRaw`
    INSERT INTO "Progress" (id, "userId", "itemId", "bestScore", attempts, "lastAttemptAt", "solvedAt", "updatedAt")
    VALUES (gen_random_uuid(), ${userId}::uuid, ${lesson.id}::uuid, 1, 0, ${now}, ${now}, now())
    ON CONFLICT ("userId", "itemId") DO UPDATE SET
      "lastAttemptAt" = EXCLUDED."lastAttemptAt",
      "solvedAt" = COALESCE("Progress"."solvedAt", EXCLUDED."solvedAt"),
      "updatedAt" = now()`;
}
