/**
 * A running interview as its candidate's browser sees it: the questions in
 * their public form (no key, no explanation), the answers given so far, the
 * code of each task as last saved, the flags, and the server's clock and
 * deadline for the countdown. Nothing here says whether anything is right:
 * that waits for the report.
 */
import { prisma, type Database, type Transaction } from "../db/client";
import type { TBilingual } from "../content/schemas";
import { loadQuestions } from "../quizzes/find-quiz";
import { publicQuestion, type TPublicQuestion } from "../quizzes/public-question";
import type { TShownAnswer } from "../quizzes/schemas";
import { attemptQuestions } from "../quizzes/attempt-questions";
import { toShownAnswer } from "../quizzes/translate-answer";
import { findInterviewAttempt, findOwnInterview, interviewHeader, type Interview } from "./find-interview";
import type { TInterviewFormat, TInterviewLevel } from "./formats";
import { promptOf } from "./task-content";

export type TInterviewTask = {
  index: number;
  itemId: string;
  title: TBilingual;
  prompt: TBilingual;
  code: string;
  savedAt: string | null;
  /** When the counted submission was handed in, and whether the editor still holds exactly that code. */
  submittedAt: string | null;
  submittedCurrent: boolean;
};

export type TInterviewItem =
  | { position: number; kind: "question"; question: TPublicQuestion; answer: TShownAnswer | null; flagged: boolean }
  | { position: number; kind: "task"; task: TInterviewTask; flagged: boolean };

export type TInterviewView = {
  id: string;
  status: Interview["status"];
  format: TInterviewFormat;
  level: TInterviewLevel;
  minutes: number;
  startedAt: string;
  endsAt: string;
  /** The server's clock when this was read: the page's countdown is set from it, not from the device's clock. */
  serverNow: string;
  focusPosition: number | null;
  items: TInterviewItem[];
};

export async function loadInterviewTasks(sessionId: string, db: Database | Transaction = prisma) {
  return db.interviewTask.findMany({
    where: { sessionId },
    orderBy: { position: "asc" },
    select: {
      position: true,
      itemId: true,
      code: true,
      savedAt: true,
      item: { select: { slug: true, titleZh: true, titleEn: true, content: true } },
      submission: { select: { id: true, code: true, queuedAt: true } },
    },
  });
}

export async function viewOfInterview(session: Interview, db: Database | Transaction = prisma): Promise<TInterviewView> {
  const attempt = await findInterviewAttempt(session.id, db);
  const [questions, tasks] = await Promise.all([loadQuestions(attempt.questionIds, db), loadInterviewTasks(session.id, db)]);
  const flagged = new Set(session.flagged);
  const questionItems: TInterviewItem[] = attemptQuestions(attempt, questions).map(({ position, stored, shownOrder, recorded }) => ({
    position,
    kind: "question" as const,
    question: publicQuestion(stored.question, shownOrder),
    answer: recorded ? toShownAnswer(shownOrder, recorded.answer) : null,
    flagged: flagged.has(position),
  }));
  const taskItems: TInterviewItem[] = tasks.map((task) => {
    const position = attempt.questionIds.length + task.position;
    return {
      position,
      kind: "task" as const,
      flagged: flagged.has(position),
      task: {
        index: task.position,
        itemId: task.itemId,
        title: { "zh-CN": task.item.titleZh, en: task.item.titleEn },
        prompt: promptOf(task.item.content),
        code: task.code,
        savedAt: task.savedAt?.toISOString() ?? null,
        submittedAt: task.submission?.queuedAt.toISOString() ?? null,
        submittedCurrent: task.submission !== null && task.submission.code === task.code,
      },
    };
  });
  return {
    ...interviewHeader(session),
    serverNow: new Date().toISOString(),
    focusPosition: session.focusPosition,
    items: [...questionItems, ...taskItems],
  };
}

export async function getInterview(userId: string, sessionId: string): Promise<TInterviewView> {
  return viewOfInterview(await findOwnInterview(userId, sessionId));
}
