import { prisma } from "../db/client";

/** When the student first marked the lesson read (lib/progress/mark-lesson-read.ts), or null. */
export async function getLessonReadAt(userId: string, lessonId: string): Promise<Date | null> {
  const progress = await prisma.progress.findUnique({ where: { userId_itemId: { userId, itemId: lessonId } }, select: { solvedAt: true } });
  return progress?.solvedAt ?? null;
}
