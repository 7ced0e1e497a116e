/**
 * Hands an interview in, by the candidate (FINISHED) or at its deadline by
 * the scheduled job (EXPIRED), whichever comes first; the other finds it
 * done and changes nothing. The time on the open item is closed, every
 * task whose code was typed but not handed in as it stands is submitted,
 * the questions are closed, and the score is settled at once or, when
 * coding tasks are still being graded, as the last verdict lands.
 */
import { prisma, type Transaction } from "../db/client";
import { removeJob } from "../queue/queue";
import { attemptScore } from "../quizzes/finish-quiz-attempt";
import { findInterview, findInterviewAttempt, findOwnInterview } from "./find-interview";
import { QUESTION_POINTS, TASK_POINTS } from "./formats";
import { addFocusTime } from "./heartbeat";
import { deadlineJobKey } from "./start-interview";
import { submitTaskCode } from "./submit-task";
import { isUntouched } from "./task-content";

export type FinishedBy = "candidate" | "deadline";

/** The interview's score, 0 to 1: each question worth QUESTION_POINTS, each task TASK_POINTS times its score. Pure. */
export function interviewScore(questionScores: number[], taskScores: number[]): number {
  const total = questionScores.length * QUESTION_POINTS + taskScores.length * TASK_POINTS;
  if (total === 0) return 0;
  const earned =
    questionScores.reduce((sum, score) => sum + score * QUESTION_POINTS, 0) + taskScores.reduce((sum, score) => sum + score * TASK_POINTS, 0);
  return Math.round((earned / total) * 1e6) / 1e6;
}

/**
 * Whether a task counts for the score: a grader fault (GRADER_ERROR) is
 * ours, never scored against the candidate, so that task is worth nothing
 * either way; a task never attempted counts, for 0.
 */
export function countsForScore(submission: { verdict: string | null } | null): boolean {
  return submission?.verdict !== "GRADER_ERROR";
}

/**
 * Writes the score of a handed-in interview once none of its counted
 * submissions is still being graded. Called when it is handed in and by
 * every verdict of one of its submissions (lib/progress/record-grading-result.ts).
 */
export async function settleInterviewScore(tx: Transaction, sessionId: string): Promise<void> {
  const [session] = await tx.$queryRaw<{ status: string; score: number | null }[]>`
    SELECT status::text, score FROM "InterviewSession" WHERE id = ${sessionId}::uuid FOR UPDATE`;
  if (!session || session.status === "IN_PROGRESS") return;
  const tasks = await tx.interviewTask.findMany({
    where: { sessionId },
    select: { submission: { select: { status: true, score: true, verdict: true } } },
  });
  if (tasks.some((task) => task.submission && task.submission.status !== "DONE")) return;
  const attempt = await findInterviewAttempt(sessionId, tx);
  const score = scoreOfWork(attempt, tasks.map((task) => task.submission));
  await tx.interviewSession.update({ where: { id: sessionId }, data: { score }, select: { id: true } });
}

/** interviewScore of the attempt's answers (0 for one left unanswered) and of the tasks that count (countsForScore). Pure. */
function scoreOfWork(
  attempt: { questionIds: string[]; answers: { questionId: string; score: number }[] },
  taskSubmissions: ({ verdict: string | null; score: number | null } | null)[],
): number {
  const scores = new Map(attempt.answers.map((answer) => [answer.questionId, answer.score]));
  return interviewScore(
    attempt.questionIds.map((id) => scores.get(id) ?? 0),
    taskSubmissions.filter((submission) => countsForScore(submission)).map((submission) => submission?.score ?? 0),
  );
}

/** Returns false when it was already handed in (nothing changed). */
export async function finishInterview(sessionId: string, by: FinishedBy, now = new Date()): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const session = await findInterview(sessionId, { db: tx, lock: true });
    if (!session || session.status !== "IN_PROGRESS") return false;
    const finishedAt = new Date(Math.min(now.getTime(), session.endsAt.getTime()));
    const tasks = await tx.interviewTask.findMany({
      where: { sessionId },
      orderBy: { position: "asc" },
      select: {
        position: true,
        itemId: true,
        code: true,
        item: { select: { content: true } },
        submission: { select: { code: true, status: true, score: true, verdict: true } },
      },
    });
    let grading = tasks.some((task) => task.submission !== null && task.submission.status !== "DONE");
    for (const task of tasks) {
      const handedIn = task.submission !== null && task.submission.code === task.code;
      if (!handedIn && !isUntouched(task.code, task.item.content)) {
        await submitTaskCode(tx, session, task, task.code);
        grading = true;
      }
    }
    const attempt = await findInterviewAttempt(sessionId, tx);
    await tx.quizAttempt.update({
      where: { id: attempt.id },
      data: { submittedAt: finishedAt, score: attemptScore(attempt.questionIds, attempt.answers) },
      select: { id: true },
    });
    await tx.interviewSession.update({
      where: { id: sessionId },
      data: {
        // Handed in by the candidate in time, or ended by the clock (the job, or a late click).
        status: by === "candidate" && now.getTime() < session.endsAt.getTime() ? "FINISHED" : "EXPIRED",
        finishedAt,
        itemSeconds: addFocusTime(session, finishedAt),
        focusPosition: null,
        focusAt: null,
        // What settleInterviewScore would write, from what this transaction read under the row's lock
        // (200 hand-ins at one deadline: bench/interview.ts). With a task still being graded, its verdict settles it.
        ...(grading ? {} : { score: scoreOfWork(attempt, tasks.map((task) => task.submission)) }),
      },
      select: { id: true },
    });
    // Handed in early: the deadline's job has nothing left to do.
    if (by === "candidate") await removeJob(tx, deadlineJobKey(sessionId));
    return true;
  });
}

export async function finishOwnInterview(userId: string, sessionId: string): Promise<void> {
  await findOwnInterview(userId, sessionId);
  await finishInterview(sessionId, "candidate");
}
