import { z } from "zod";
import { prisma } from "../db/client";
import { ZItemSource } from "./item-content";

const ZLessonContent = z
  .object({ body: z.object({ "zh-CN": z.string(), en: z.string() }), sources: z.array(ZItemSource).optional() })
  .loose();

/** A live lesson by slug. */
export async function getLesson(slug: string) {
  const item = await prisma.courseItem.findFirst({
    where: { slug, kind: "LESSON", archivedAt: null },
    select: { id: true, slug: true, titleZh: true, titleEn: true, content: true },
  });
  if (!item) return null;
  const content = ZLessonContent.parse(item.content);
  return { id: item.id, slug: item.slug, titleZh: item.titleZh, titleEn: item.titleEn, body: content.body, sources: content.sources ?? [] };
}
