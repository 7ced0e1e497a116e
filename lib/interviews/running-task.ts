/**
 * While a candidate's interview runs, its coding tasks' pages in the
 * course keep their hints and reference solution to themselves (for that
 * candidate): an interview without hints must not have them one tab away.
 */
import { AppError } from "../errors";
import { prisma, type Database, type Transaction } from "../db/client";
import { bilingual } from "../i18n/messages";
import { openAt } from "./find-interview";

export async function isRunningInterviewTask(userId: string, itemId: string, db: Database | Transaction = prisma, now = new Date()): Promise<boolean> {
  const task = await db.interviewTask.findFirst({
    where: { itemId, session: { userId, ...openAt(now) } },
    select: { position: true },
  });
  return task !== null;
}

export const lockedDuringInterview = () => new AppError("CONFLICT", bilingual("interview.error.lockedDuringInterview"));

/** The questions of the candidate's running interview: practice quizzes show nothing of their keys meanwhile. */
export async function runningInterviewQuestionIds(userId: string, db: Database | Transaction = prisma, now = new Date()): Promise<Set<string>> {
  const attempts = await db.quizAttempt.findMany({
    where: { userId, interviewSession: openAt(now) },
    select: { questionIds: true },
  });
  return new Set(attempts.flatMap((attempt) => attempt.questionIds));
}

export const questionInInterview = () => new AppError("CONFLICT", bilingual("interview.error.questionInInterview"));
