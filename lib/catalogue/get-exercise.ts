import { z } from "zod";
import { prisma } from "../db/client";

const ZExerciseContent = z
  .object({
    prompt: z.object({ "zh-CN": z.string(), en: z.string() }).optional(),
    starter: z.string().optional(),
    hints: z.array(z.object({ "zh-CN": z.string(), en: z.string() })).optional(),
    source: z.string().optional(),
  })
  .loose();

const DEFAULT_STARTER = "import asyncio\n\n\nasync def main():\n    ...\n\n\nasyncio.run(main())\n";

/** An exercise page: the live exercise by slug, and the viewer's submissions to it. */
export async function getExercise(slug: string, viewerId: string | null) {
  const item = await prisma.courseItem.findFirst({
    where: { slug, kind: "EXERCISE", archivedAt: null },
    select: { id: true, slug: true, titleZh: true, titleEn: true, content: true },
  });
  if (!item) return null;
  const content = ZExerciseContent.parse(item.content);
  const submissions = viewerId
    ? await prisma.submission.findMany({
        where: { userId: viewerId, itemId: item.id },
        orderBy: { queuedAt: "desc" },
        take: 20,
        select: { id: true, status: true, verdict: true, score: true, queuedAt: true },
      })
    : [];
  return {
    id: item.id,
    slug: item.slug,
    titleZh: item.titleZh,
    titleEn: item.titleEn,
    prompt: content.prompt ?? null,
    source: content.source ?? null,
    starter: content.starter ?? DEFAULT_STARTER,
    hints: content.hints ?? [],
    submissions,
  };
}
