/**
 * A practice-quiz attempt, for its owner only: someone else's attempt, an
 * unknown id and a mock interview's attempt (answered elsewhere, with no
 * feedback while it runs) all answer the same 404, so ids reveal nothing.
 */
import { AppError } from "../errors";
import { prisma, type Database, type Transaction } from "../db/client";
import { isUuid } from "../ids";
import { bilingual } from "../i18n/messages";

export const attemptNotFound = () => new AppError("NOT_FOUND", bilingual("quiz.error.attemptNotFound"));

const attemptSelect = {
  id: true,
  userId: true,
  interviewSessionId: true,
  questionIds: true,
  optionOrder: true,
  startedAt: true,
  submittedAt: true,
  score: true,
  item: { select: { slug: true, titleZh: true, titleEn: true } },
  answers: { select: { questionId: true, answer: true, correct: true, score: true } },
} as const;

export async function findOwnAttempt(
  userId: string,
  attemptId: string,
  options: { db?: Database | Transaction; lock?: boolean } = {},
) {
  const db = options.db ?? prisma;
  if (!isUuid(attemptId)) throw attemptNotFound();
  // Answering and finishing take the row's lock, so an answer cannot slip in after the score was computed.
  if (options.lock) await db.$queryRaw`SELECT id FROM "QuizAttempt" WHERE id = ${attemptId}::uuid FOR UPDATE`;
  const attempt = await db.quizAttempt.findUnique({ where: { id: attemptId }, select: attemptSelect });
  if (!attempt || attempt.userId !== userId || attempt.interviewSessionId !== null || !attempt.item) throw attemptNotFound();
  return { ...attempt, item: attempt.item };
}

export type OwnAttempt = Awaited<ReturnType<typeof findOwnAttempt>>;
