/**
 * Starts a practice quiz, or resumes the learner's unfinished attempt at
 * it: one open attempt per learner and quiz, so a double click or a second
 * tab does not split the answers. A new attempt takes the quiz's questions
 * in the quiz's order and shuffles each one's options (or items) anew.
 */
import { AppError } from "../errors";
import { prisma } from "../db/client";
import { bilingual } from "../i18n/messages";
import { findOwnAttempt } from "./find-own-attempt";
import { findQuiz, loadQuestions } from "./find-quiz";
import { viewOfAttempt } from "./get-quiz-attempt";
import { drawOptionOrder, secureRandomInt, type RandomInt } from "./shuffle-options";
import type { TQuizAttemptView } from "./build-attempt-view";

export const quizNotFound = () => new AppError("NOT_FOUND", bilingual("quiz.error.quizNotFound"));

export async function startQuizAttempt(
  userId: string,
  slug: string,
  random: RandomInt = secureRandomInt,
): Promise<{ attempt: TQuizAttemptView; created: boolean }> {
  const quiz = await findQuiz(slug);
  if (!quiz) throw quizNotFound();
  return prisma.$transaction(async (tx) => {
    // Two starts at once (a double click) must not both find no open attempt and both create one.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`quiz-attempt:${userId}:${quiz.id}`}))`;
    const open = await tx.quizAttempt.findFirst({
      where: { userId, itemId: quiz.id, submittedAt: null, interviewSessionId: null },
      orderBy: { startedAt: "desc" },
      select: { id: true },
    });
    if (open) return { attempt: await viewOfAttempt(await findOwnAttempt(userId, open.id, { db: tx }), tx), created: false };

    const questions = await loadQuestions(quiz.questionIds, tx);
    const drawn = quiz.questionIds.filter((id) => questions.has(id));
    const created = await tx.quizAttempt.create({
      data: {
        userId,
        itemId: quiz.id,
        questionIds: drawn,
        optionOrder: drawOptionOrder(
          drawn.flatMap((id) => {
            const stored = questions.get(id);
            return stored ? [stored.question] : [];
          }),
          random,
        ),
      },
      select: { id: true },
    });
    return { attempt: await viewOfAttempt(await findOwnAttempt(userId, created.id, { db: tx }), tx), created: true };
  });
}
