import { z } from "zod";
import { prisma } from "../db/client";
import { ZItemSource } from "./item-content";

const ZText = z.object({ "zh-CN": z.string(), en: z.string() });

const ZExerciseContent = z
  .object({
    prompt: ZText.optional(),
    // Synced per language (lib/content/localize-starter.ts); a string is content synced before that.
    starter: z.union([ZText, z.string().transform((starter) => ({ "zh-CN": starter, en: starter }))]).optional(),
    hints: z.array(ZText).optional(),
    sources: z.array(ZItemSource).optional(),
  })
  .loose();

const DEFAULT_STARTER_CODE = "import asyncio\n\n\nasync def main():\n    ...\n\n\nasyncio.run(main())\n";
const DEFAULT_STARTER = { "zh-CN": DEFAULT_STARTER_CODE, en: DEFAULT_STARTER_CODE };

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
    sources: content.sources ?? [],
    starter: content.starter ?? DEFAULT_STARTER,
    hints: content.hints ?? [],
    submissions,
  };
}
