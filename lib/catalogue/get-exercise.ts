import { z } from "zod";
import { prisma } from "../db/client";
import { hintsUnlocked, referenceUnlocked } from "../exercises/hint-unlocks";
import { ZItemSource } from "./item-content";
import { isRunningInterviewTask } from "../interviews/running-task";

const ZBilingualText = z.object({ "zh-CN": z.string(), en: z.string() });
const ZExerciseContent = z
  .object({
    prompt: ZBilingualText.optional(),
    // Synced per language (lib/content/localize-starter.ts); a string is content synced before that.
    starter: z.union([ZBilingualText, z.string().transform((starter) => ({ "zh-CN": starter, en: starter }))]).optional(),
    reference: z.string().optional(),
    hints: z.array(ZBilingualText).optional(),
    sources: z.array(ZItemSource).optional(),
  })
  .loose();

const DEFAULT_STARTER_CODE = "import asyncio\n\n\nasync def main():\n    ...\n\n\nasyncio.run(main())\n";
const DEFAULT_STARTER = { "zh-CN": DEFAULT_STARTER_CODE, en: DEFAULT_STARTER_CODE };

/**
 * An exercise page: the live exercise by slug and, for a signed-in viewer,
 * their draft, attempts, revealed hints and (once unlocked) the reference
 * solution. Hidden things never leave here: hints not yet revealed are only
 * counted, the reference is absent until solved or tried often enough.
 */
export async function getExercise(slug: string, viewerId: string | null) {
  const item = await prisma.courseItem.findFirst({
    where: { slug, kind: "EXERCISE", archivedAt: null },
    select: {
      id: true,
      slug: true,
      titleZh: true,
      titleEn: true,
      content: true,
      chapter: { select: { course: { select: { referenceAfterAttempts: true } } } },
    },
  });
  if (!item) return null;
  const content = ZExerciseContent.parse(item.content);
  const hints = content.hints ?? [];
  const [submissions, draft, progress, best, interviewLock] = viewerId
    ? await Promise.all([
        prisma.submission.findMany({
          // A mock interview's submissions belong to its report (and are held back while it runs).
          where: { userId: viewerId, itemId: item.id, interviewSessionId: null },
          orderBy: { queuedAt: "desc" },
          take: 30,
          select: { id: true, status: true, verdict: true, score: true, queuedAt: true },
        }),
        prisma.draft.findUnique({ where: { userId_itemId: { userId: viewerId, itemId: item.id } }, select: { code: true, updatedAt: true } }),
        prisma.progress.findUnique({
          where: { userId_itemId: { userId: viewerId, itemId: item.id } },
          select: { attempts: true, bestScore: true, solvedAt: true, hintsRevealed: true },
        }),
        prisma.submission.findFirst({
          where: { userId: viewerId, itemId: item.id, interviewSessionId: null, status: "DONE", verdict: { not: "GRADER_ERROR" } },
          orderBy: [{ score: "desc" }, { queuedAt: "desc" }],
          select: { id: true, score: true },
        }),
        isRunningInterviewTask(viewerId, item.id),
      ])
    : [[], null, null, null, false];
  const attempts = progress?.attempts ?? 0;
  const solved = Boolean(progress?.solvedAt);
  const referenceAfterAttempts = item.chapter.course.referenceAfterAttempts;
  const mayShowReference = viewerId !== null && !interviewLock && referenceUnlocked({ attempts, solved }, referenceAfterAttempts);
  return {
    id: item.id,
    slug: item.slug,
    titleZh: item.titleZh,
    titleEn: item.titleEn,
    prompt: content.prompt ?? null,
    sources: content.sources ?? [],
    starter: content.starter ?? DEFAULT_STARTER,
    hints: {
      total: hints.length,
      revealed: interviewLock ? [] : hints.slice(0, Math.min(progress?.hintsRevealed ?? 0, hints.length)),
      unlocked: interviewLock ? 0 : hintsUnlocked(hints.length, attempts),
    },
    progress: { attempts, solved, bestScore: progress?.bestScore ?? 0 },
    draft,
    bestSubmissionId: best && (best.score ?? 0) > 0 ? best.id : null,
    reference: mayShowReference ? (content.reference ?? null) : null,
    referenceAfterAttempts,
    submissions,
    /** A task of the viewer's running mock interview: no hints, no reference until it is over. */
    interviewLock,
  };
}
