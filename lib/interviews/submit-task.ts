/**
 * Hands a coding task in: its code is saved and graded by the same grader
 * as any submission, but the candidate learns nothing of the verdict until
 * the interview is over (the submission answers 404 to everyone until
 * then). The last one handed in is the one that counts; handing in the
 * same code again is not a new submission.
 */
import { spendOrThrow } from "../http/rate-limit";
import { bilingual } from "../i18n/messages";
import type { Transaction } from "../db/client";
import { enqueueGrading, RATE_WINDOW_SECONDS, submissionRateLimit } from "../submissions/create-submission";
import { storeTaskCode, withOpenInterview } from "./save-work";
import { assertOpen, findOwnInterview } from "./find-interview";
import type { TSubmitInterviewTaskRequest } from "./schemas";

/** A submission of a task's code, counted for it, queued for grading (with the rows it belongs to). */
export async function submitTaskCode(tx: Transaction, session: { id: string; userId: string }, task: { position: number; itemId: string }, code: string) {
  const submission = await tx.submission.create({
    data: { userId: session.userId, itemId: task.itemId, code, status: "QUEUED", interviewSessionId: session.id },
    select: { id: true, queuedAt: true },
  });
  await tx.interviewTask.update({
    where: { sessionId_position: { sessionId: session.id, position: task.position } },
    data: { submissionId: submission.id },
    select: { position: true },
  });
  await enqueueGrading(tx, submission.id, `grade:${session.userId}:${task.itemId}`);
  return submission;
}

export async function submitInterviewTask(userId: string, sessionId: string, index: number, request: TSubmitInterviewTaskRequest) {
  // Refused before a token is spent: an interview that is over costs nothing (the transaction below checks again, under the lock).
  assertOpen(await findOwnInterview(userId, sessionId), new Date());
  const limit = submissionRateLimit();
  await spendOrThrow([{ key: `submit:user:${userId}`, bucket: { capacity: limit, perSecond: limit / RATE_WINDOW_SECONDS } }], (seconds) =>
    bilingual("error.rateLimited", () => ({ limit, seconds })),
  );
  return withOpenInterview(userId, sessionId, request.tabId, async (tx, session, now) => {
    const task = await storeTaskCode(tx, session.id, index, request.code, now);
    if (task.submission && task.submission.code === request.code) return { submittedAt: task.submission.queuedAt.toISOString() };
    const submission = await submitTaskCode(tx, session, task, request.code);
    return { submittedAt: submission.queuedAt.toISOString() };
  });
}
