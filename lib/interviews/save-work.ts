/**
 * The candidate's work, saved as it is given: an answer (scored on the
 * server and kept to itself until the end), a task's code, a flag. Each
 * save holds the interview's row, so none lands after it was handed in,
 * and is refused once the deadline passed (the server's clock decides).
 * Saving the same thing twice leaves the same state: the page may retry.
 */
import { AppError } from "../errors";
import { prisma, type Transaction } from "../db/client";
import { bilingual } from "../i18n/messages";
import { loadQuestions } from "../quizzes/find-quiz";
import { scoreShownAnswer } from "../quizzes/translate-answer";
import { assertOpen, findInterviewDraw, findOwnInterview, type Interview } from "./find-interview";
import { OTHER_TAB_SECONDS } from "./formats";
import type { TFlagRequest, TSaveInterviewAnswerRequest, TSaveInterviewCodeRequest } from "./schemas";

export type TSaved = { savedAt: string; serverNow: string; endsAt: string; otherTab: boolean };

export const notInInterview = () => new AppError("INVALID_REQUEST", bilingual("interview.error.notInInterview"));

/** Whether another tab reported lately, and the write that makes this tab the one last seen. */
export function tabPresence(session: Pick<Interview, "activeTabId" | "activeTabSeenAt">, tabId: string | undefined, now: Date) {
  if (!tabId) return { otherTab: false, data: {} };
  const otherTab =
    session.activeTabId !== null &&
    session.activeTabId !== tabId &&
    session.activeTabSeenAt !== null &&
    now.getTime() - session.activeTabSeenAt.getTime() < OTHER_TAB_SECONDS * 1000;
  return { otherTab, data: { activeTabId: tabId, activeTabSeenAt: now } };
}

/** Locks the candidate's running interview, refuses it past its deadline, and runs `work` in the same transaction. */
export async function withOpenInterview<T>(
  userId: string,
  sessionId: string,
  tabId: string | undefined,
  work: (tx: Transaction, session: Interview, now: Date) => Promise<T>,
): Promise<T & TSaved> {
  return prisma.$transaction(async (tx) => {
    const session = await findOwnInterview(userId, sessionId, { db: tx, lock: true });
    const now = new Date();
    assertOpen(session, now);
    const result = await work(tx, session, now);
    const presence = tabPresence(session, tabId, now);
    if (tabId) await tx.interviewSession.update({ where: { id: session.id }, data: presence.data, select: { id: true } });
    return { ...result, savedAt: now.toISOString(), serverNow: now.toISOString(), endsAt: session.endsAt.toISOString(), otherTab: presence.otherTab };
  });
}

export async function saveInterviewAnswer(userId: string, sessionId: string, questionId: string, request: TSaveInterviewAnswerRequest) {
  return withOpenInterview(userId, sessionId, request.tabId, async (tx, session) => {
    const attempt = await findInterviewDraw(session.id, tx);
    if (!attempt.questionIds.includes(questionId)) throw notInInterview();
    if (request.answer === null) {
      await tx.quizAnswer.deleteMany({ where: { attemptId: attempt.id, questionId } });
      return {};
    }
    const stored = (await loadQuestions([questionId], tx)).get(questionId);
    if (!stored) throw notInInterview();
    const { answer, correct, score } = scoreShownAnswer(stored.question, attempt.optionOrder, request.answer);
    await tx.quizAnswer.upsert({
      where: { attemptId_questionId: { attemptId: attempt.id, questionId } },
      create: { attemptId: attempt.id, questionId, answer, correct, score },
      update: { answer, correct, score, answeredAt: new Date() },
      select: { id: true },
    });
    return {};
  });
}

async function findInterviewTask(tx: Transaction, sessionId: string, index: number) {
  const task = await tx.interviewTask.findUnique({
    where: { sessionId_position: { sessionId, position: index } },
    select: { position: true, itemId: true, code: true, submission: { select: { id: true, code: true, queuedAt: true } } },
  });
  if (!task) throw notInInterview();
  return task;
}

/** Stores a task's code as typed, what saving and handing it in both begin with; returns the task as it was. */
export async function storeTaskCode(tx: Transaction, sessionId: string, index: number, code: string, now: Date) {
  const task = await findInterviewTask(tx, sessionId, index);
  await tx.interviewTask.update({
    where: { sessionId_position: { sessionId, position: task.position } },
    data: { code, savedAt: now },
    select: { position: true },
  });
  return task;
}

export async function saveInterviewCode(userId: string, sessionId: string, index: number, request: TSaveInterviewCodeRequest) {
  return withOpenInterview(userId, sessionId, request.tabId, async (tx, session, now) => {
    const task = await storeTaskCode(tx, session.id, index, request.code, now);
    return { submittedCurrent: task.submission !== null && task.submission.code === request.code };
  });
}

export async function setInterviewFlag(userId: string, sessionId: string, request: TFlagRequest) {
  return withOpenInterview(userId, sessionId, undefined, async (tx, session) => {
    if (request.position >= session.itemSeconds.length) throw notInInterview();
    const flagged = new Set(session.flagged);
    if (request.flagged) flagged.add(request.position);
    else flagged.delete(request.position);
    const sorted = [...flagged].sort((a, b) => a - b);
    await tx.interviewSession.update({ where: { id: session.id }, data: { flagged: sorted }, select: { id: true } });
    return { flagged: sorted };
  });
}
