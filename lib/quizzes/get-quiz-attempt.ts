/**
 * Resumes an attempt: its questions without keys, the answered ones with
 * their feedback, every one with it once the attempt is finished.
 */
import { prisma, type Database, type Transaction } from "../db/client";
import { buildAttemptView, type TQuizAttemptView } from "./build-attempt-view";
import { findOwnAttempt, type OwnAttempt } from "./find-own-attempt";
import { loadQuestions } from "./find-quiz";
import { loadLessonIndex } from "./tutorial-references";
import { runningInterviewQuestionIds } from "../interviews/running-task";

export async function viewOfAttempt(attempt: OwnAttempt, db: Database | Transaction = prisma): Promise<TQuizAttemptView> {
  const [questions, lessons, withheld] = await Promise.all([
    loadQuestions(attempt.questionIds, db),
    loadLessonIndex(db),
    runningInterviewQuestionIds(attempt.userId, db),
  ]);
  return buildAttemptView(attempt, questions, lessons, withheld);
}

export async function getQuizAttempt(userId: string, attemptId: string): Promise<TQuizAttemptView> {
  return viewOfAttempt(await findOwnAttempt(userId, attemptId));
}
