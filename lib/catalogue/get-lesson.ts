import { z } from "zod";
import { prisma } from "../db/client";

const ZLessonContent = z.object({ body: z.object({ "zh-CN": z.string(), en: z.string() }) }).loose();

/** A live lesson by slug, with the next item of its chapter to go on to. */
export async function getLesson(slug: string) {
  const item = await prisma.courseItem.findFirst({
    where: { slug, kind: "LESSON", archivedAt: null },
    select: { id: true, slug: true, titleZh: true, titleEn: true, content: true, chapterId: true, position: true },
  });
  if (!item) return null;
  const next = await prisma.courseItem.findFirst({
    where: { chapterId: item.chapterId, archivedAt: null, position: { gt: item.position } },
    orderBy: { position: "asc" },
    select: { slug: true, kind: true, titleZh: true, titleEn: true },
  });
  return { ...item, body: ZLessonContent.parse(item.content).body, next };
}
