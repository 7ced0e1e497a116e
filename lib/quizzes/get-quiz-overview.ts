/**
 * The page of one practice quiz: what it covers (its banks' topics, the
 * kinds of question, the tutorial sections it draws on) and, for a signed-in
 * learner, their attempts at it with scores. Nothing of any question's key.
 */
import { prisma } from "../db/client";
import type { TBilingual } from "../content/schemas";
import { findQuiz, loadQuestions } from "./find-quiz";
import type { TQuestionKind } from "./schemas";

export type TQuizAttemptSummary = {
  id: string;
  startedAt: string;
  submittedAt: string | null;
  score: number | null;
  answered: number;
  total: number;
};

export type TQuizOverview = {
  slug: string;
  title: TBilingual;
  questionCount: number;
  estimatedMinutes: number;
  kinds: { kind: TQuestionKind; count: number }[];
  topics: TBilingual[];
  tutorials: { seed: string; section: string; tutorial: string | null; title: string | null }[];
  attempts: TQuizAttemptSummary[];
  openAttemptId: string | null;
  bestScore: number | null;
};

/** Kinds in the order the UI names them. */
export const QUESTION_KINDS: TQuestionKind[] = [
  "single_choice",
  "multiple_choice",
  "true_false",
  "predict_output",
  "predict_duration",
  "ordering",
  "fill_blank",
];

export async function getQuizOverview(slug: string, userId: string | null): Promise<TQuizOverview | null> {
  const quiz = await findQuiz(slug);
  if (!quiz) return null;
  const questions = [...(await loadQuestions(quiz.questionIds)).values()];
  const topics = new Map<string, TBilingual>();
  const tutorials = new Map<string, TQuizOverview["tutorials"][number]>();
  for (const stored of questions) {
    topics.set(stored.topic.en, stored.topic);
    for (const reference of stored.references) tutorials.set(`${reference.seed}:${reference.section}`, reference);
  }
  const attempts = userId
    ? await prisma.quizAttempt.findMany({
        where: { userId, itemId: quiz.id, interviewSessionId: null },
        orderBy: { startedAt: "desc" },
        select: { id: true, startedAt: true, submittedAt: true, score: true, questionIds: true, _count: { select: { answers: true } } },
      })
    : [];
  const finishedScores = attempts.flatMap((attempt) => (attempt.submittedAt && attempt.score !== null ? [attempt.score] : []));
  return {
    slug: quiz.slug,
    title: quiz.title,
    questionCount: questions.length,
    estimatedMinutes: quiz.estimatedMinutes,
    kinds: QUESTION_KINDS.map((kind) => ({ kind, count: questions.filter((stored) => stored.question.kind === kind).length })).filter(
      (entry) => entry.count > 0,
    ),
    topics: [...topics.values()],
    tutorials: [...tutorials.values()].sort((left, right) =>
      `${left.seed}:${left.section}`.localeCompare(`${right.seed}:${right.section}`, "en", { numeric: true }),
    ),
    attempts: attempts.map((attempt) => ({
      id: attempt.id,
      startedAt: attempt.startedAt.toISOString(),
      submittedAt: attempt.submittedAt?.toISOString() ?? null,
      score: attempt.score,
      answered: attempt._count.answers,
      total: attempt.questionIds.length,
    })),
    openAttemptId: attempts.find((attempt) => attempt.submittedAt === null)?.id ?? null,
    bestScore: finishedScores.length > 0 ? Math.max(...finishedScores) : null,
  };
}
