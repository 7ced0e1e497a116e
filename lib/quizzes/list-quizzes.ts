/** Every live practice quiz in course order, with the learner's best finished score and attempt count. */
import { prisma } from "../db/client";
import type { TBilingual } from "../content/schemas";
import { ZQuizContent } from "./schemas";

export type TQuizListEntry = {
  slug: string;
  title: TBilingual;
  questionCount: number;
  estimatedMinutes: number;
  bestScore: number | null;
  attempts: number;
  open: boolean;
};

export async function listQuizzes(userId: string | null): Promise<TQuizListEntry[]> {
  const items = await prisma.courseItem.findMany({
    where: { kind: "QUIZ", archivedAt: null, chapter: { archivedAt: null, course: { archivedAt: null } } },
    orderBy: [{ chapter: { course: { position: "asc" } } }, { chapter: { position: "asc" } }, { position: "asc" }],
    select: { id: true, slug: true, titleZh: true, titleEn: true, content: true },
  });
  const attempts = userId
    ? await prisma.quizAttempt.findMany({
        where: { userId, interviewSessionId: null, itemId: { in: items.map((item) => item.id) } },
        select: { itemId: true, submittedAt: true, score: true },
      })
    : [];
  return items.map((item) => {
    const content = ZQuizContent.parse(item.content);
    const mine = attempts.filter((attempt) => attempt.itemId === item.id);
    const scores = mine.flatMap((attempt) => (attempt.submittedAt && attempt.score !== null ? [attempt.score] : []));
    return {
      slug: item.slug,
      title: { "zh-CN": item.titleZh, en: item.titleEn },
      questionCount: content.questions.length,
      estimatedMinutes: content.estimatedMinutes,
      bestScore: scores.length > 0 ? Math.max(...scores) : null,
      attempts: mine.filter((attempt) => attempt.submittedAt !== null).length,
      open: mine.some((attempt) => attempt.submittedAt === null),
    };
  });
}
