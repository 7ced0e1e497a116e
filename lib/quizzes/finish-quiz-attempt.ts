/**
 * Hands an attempt in: its score is the mean of its questions' scores, an
 * unanswered question counting 0, and it is closed to answers. Finishing a
 * finished attempt changes nothing and returns the same review (a double
 * click is not an error).
 */
import { prisma } from "../db/client";
import type { TQuizAttemptView } from "./build-attempt-view";
import { findOwnAttempt } from "./find-own-attempt";
import { viewOfAttempt } from "./get-quiz-attempt";

export function attemptScore(questionIds: string[], answers: { questionId: string; score: number }[]): number {
  if (questionIds.length === 0) return 0;
  const scores = new Map(answers.map((answer) => [answer.questionId, answer.score]));
  const total = questionIds.reduce((sum, id) => sum + (scores.get(id) ?? 0), 0);
  return Math.round((total / questionIds.length) * 1e6) / 1e6;
}

export async function finishQuizAttempt(userId: string, attemptId: string): Promise<TQuizAttemptView> {
  return prisma.$transaction(async (tx) => {
    const attempt = await findOwnAttempt(userId, attemptId, { db: tx, lock: true });
    if (attempt.submittedAt) return viewOfAttempt(attempt, tx);
    const finished = await tx.quizAttempt.update({
      where: { id: attempt.id },
      data: { submittedAt: new Date(), score: attemptScore(attempt.questionIds, attempt.answers) },
      select: { submittedAt: true, score: true },
    });
    return viewOfAttempt({ ...attempt, ...finished }, tx);
  });
}
