/**
 * Answers one question of an attempt, in one transaction that holds the
 * attempt's row: refused for a finished attempt (409), a question the
 * attempt does not hold (400) or one already answered (409); otherwise the
 * answer is scored on the server, stored, and only then is the key shown.
 */
import { AppError } from "../errors";
import { prisma } from "../db/client";
import { bilingual } from "../i18n/messages";
import { findOwnAttempt } from "./find-own-attempt";
import { loadQuestions } from "./find-quiz";
import { questionFeedback, type TQuestionFeedback } from "./question-feedback";
import type { TAnswerQuizQuestionRequest } from "./schemas";
import { scoreShownAnswer } from "./translate-answer";
import { loadLessonIndex } from "./tutorial-references";
import { questionInInterview, runningInterviewQuestionIds } from "../interviews/running-task";

export const attemptFinished = () => new AppError("CONFLICT", bilingual("quiz.error.attemptFinished"));
export const alreadyAnswered = () => new AppError("CONFLICT", bilingual("quiz.error.alreadyAnswered"));

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && error.code === "P2002";

export async function answerQuizQuestion(userId: string, attemptId: string, request: TAnswerQuizQuestionRequest): Promise<TQuestionFeedback> {
  try {
    return await prisma.$transaction(async (tx) => {
      const attempt = await findOwnAttempt(userId, attemptId, { db: tx, lock: true });
      if (attempt.submittedAt) throw attemptFinished();
      if (!attempt.questionIds.includes(request.questionId)) {
        throw new AppError("INVALID_REQUEST", bilingual("quiz.error.notInAttempt"));
      }
      if (attempt.answers.some((answer) => answer.questionId === request.questionId)) throw alreadyAnswered();
      if ((await runningInterviewQuestionIds(userId, tx)).has(request.questionId)) throw questionInInterview();
      const stored = (await loadQuestions([request.questionId], tx)).get(request.questionId);
      if (!stored) throw new AppError("INVALID_REQUEST", bilingual("quiz.error.notInAttempt"));

      const { shownOrder, answer, correct, score } = scoreShownAnswer(stored.question, attempt.optionOrder, request.answer);
      await tx.quizAnswer.create({ data: { attemptId: attempt.id, questionId: request.questionId, answer, correct, score } });
      return questionFeedback(stored, shownOrder, { answer, correct, score }, await loadLessonIndex(tx));
    });
  } catch (error) {
    // The row lock makes this unreachable in practice; the unique index is the last word.
    if (isUniqueViolation(error)) throw alreadyAnswered();
    throw error;
  }
}
