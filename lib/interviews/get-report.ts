/**
 * The report of a handed-in interview: the score and time used, a
 * per-concept breakdown (strong / needs work), each question with the
 * candidate's answer, the right one, the explanation and the time it was
 * open, each coding task with its tests and timeline, and the exercises to
 * practise for the weak concepts. Its candidate reads it; so does anyone
 * holding its share link (lib/interviews/share-link.ts), read-only.
 */
import { prisma } from "../db/client";
import type { TBilingual } from "../content/schemas";
import { ZErrorDetail, type TTrace } from "../../grader/result";
import { loadQuestions } from "../quizzes/find-quiz";
import { storedErrorOf, testResultsSelect } from "../submissions/get-submission";
import { publicQuestion, type TPublicQuestion } from "../quizzes/public-question";
import { questionFeedback, type TQuestionFeedback } from "../quizzes/question-feedback";
import { attemptQuestions } from "../quizzes/attempt-questions";
import { loadLessonIndex } from "../quizzes/tutorial-references";
import { z } from "zod";
import { findInterview, findInterviewAttempt, findOwnInterview, interviewHeader, interviewNotFound, isOpen, type Interview } from "./find-interview";
import { countsForScore, finishInterview } from "./finish-interview";
import { QUESTION_POINTS, STRONG_SHARE, TASK_POINTS, type TInterviewFormat, type TInterviewLevel } from "./formats";
import { loadInterviewTasks } from "./get-interview";
import { conceptsOf, isUntouched } from "./task-content";

export type TConceptResult = { concept: string; earned: number; total: number; share: number; strong: boolean; items: number };

export type TReportQuestion = {
  position: number;
  question: TPublicQuestion;
  feedback: TQuestionFeedback;
  concepts: string[];
  seconds: number;
  flagged: boolean;
};

export type TReportTest = {
  testId: string;
  nameZh: string;
  nameEn: string;
  status: "PASSED" | "FAILED" | "ERROR" | "SKIPPED";
  weight: number;
  messageZh: string | null;
  messageEn: string | null;
  durationSeconds: number | null;
  expectedSeconds: number | null;
  toleranceSeconds: number | null;
  trace: TTrace | null;
  stdout: string | null;
  stderr: string | null;
  error: z.infer<typeof ZErrorDetail> | null;
};

/** Shaped as the exercise page's result view takes it (components/exercise/types.ts SubmissionView). */
export type TReportSubmission = {
  id: string;
  status: "QUEUED" | "RUNNING" | "DONE";
  verdict: "PASSED" | "FAILED" | "SYNTAX_ERROR" | "RUNTIME_ERROR" | "TIME_LIMIT" | "MEMORY_LIMIT" | "OUTPUT_LIMIT" | "GRADER_ERROR" | null;
  score: number | null;
  queuePosition: null;
  queuedAt: string;
  messageZh: string | null;
  messageEn: string | null;
  stdout: string | null;
  stderr: string | null;
  trace: TTrace | null;
  code: string;
  error: z.infer<typeof ZErrorDetail> | null;
  testResults: TReportTest[];
};

export type TReportTask = {
  position: number;
  index: number;
  slug: string;
  title: TBilingual;
  concepts: string[];
  code: string;
  attempted: boolean;
  seconds: number;
  flagged: boolean;
  submission: TReportSubmission | null;
};

export type TPractice = { slug: string; title: TBilingual; concepts: string[]; solved: boolean };

export type TInterviewReport = {
  id: string;
  status: Interview["status"];
  format: TInterviewFormat;
  level: TInterviewLevel;
  minutes: number;
  startedAt: string;
  endsAt: string;
  finishedAt: string | null;
  timeUsedSeconds: number;
  /** Null while a coding task is still being graded. */
  score: number | null;
  grading: boolean;
  points: { earned: number; total: number; questionPoints: number; taskPoints: number };
  concepts: TConceptResult[];
  questions: TReportQuestion[];
  tasks: TReportTask[];
  practice: TPractice[];
};

/** Per concept, the points earned of those its items were worth; weakest first. Pure. */
export function conceptBreakdown(items: { concepts: string[]; earned: number; total: number }[]): TConceptResult[] {
  const byConcept = new Map<string, { earned: number; total: number; items: number }>();
  for (const item of items) {
    for (const concept of new Set(item.concepts)) {
      const entry = byConcept.get(concept) ?? { earned: 0, total: 0, items: 0 };
      entry.earned += item.earned;
      entry.total += item.total;
      entry.items += 1;
      byConcept.set(concept, entry);
    }
  }
  return [...byConcept.entries()]
    .map(([concept, entry]) => {
      const share = entry.total === 0 ? 0 : entry.earned / entry.total;
      return {
        concept,
        earned: Math.round(entry.earned * 1000) / 1000,
        total: entry.total,
        share: Math.round(share * 1000) / 1000,
        strong: share >= STRONG_SHARE,
        items: entry.items,
      };
    })
    .sort((a, b) => a.share - b.share || b.total - a.total || a.concept.localeCompare(b.concept));
}

const PRACTICE_MAX = 6;

async function loadPractice(userId: string, weak: string[], exclude: string[]): Promise<TPractice[]> {
  if (weak.length === 0) return [];
  const rows = await prisma.courseItem.findMany({
    where: { kind: "EXERCISE", archivedAt: null, id: { notIn: exclude } },
    select: {
      id: true,
      slug: true,
      titleZh: true,
      titleEn: true,
      content: true,
      position: true,
      chapter: { select: { position: true } },
      progress: { where: { userId }, select: { solvedAt: true } },
    },
  });
  const weakSet = new Set(weak);
  return rows
    .map((row) => ({ row, matched: conceptsOf(row.content).filter((concept) => weakSet.has(concept)) }))
    .filter(({ matched }) => matched.length > 0)
    .sort(
      (a, b) =>
        Number(Boolean(a.row.progress[0]?.solvedAt)) - Number(Boolean(b.row.progress[0]?.solvedAt)) ||
        b.matched.length - a.matched.length ||
        a.row.chapter.position - b.row.chapter.position ||
        a.row.position - b.row.position,
    )
    .slice(0, PRACTICE_MAX)
    .map(({ row, matched }) => ({
      slug: row.slug,
      title: { "zh-CN": row.titleZh, en: row.titleEn },
      concepts: matched,
      solved: Boolean(row.progress[0]?.solvedAt),
    }));
}

async function loadTaskSubmissions(ids: string[]) {
  const rows = await prisma.submission.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      status: true,
      verdict: true,
      score: true,
      queuedAt: true,
      messageZh: true,
      messageEn: true,
      stdout: true,
      stderr: true,
      trace: true,
      code: true,
      result: true,
      testResults: testResultsSelect,
    },
  });
  return new Map(
    rows.map((row): [string, TReportSubmission] => {
      const { result, ...rest } = row;
      return [
        row.id,
        {
          ...rest,
          queuedAt: row.queuedAt.toISOString(),
          queuePosition: null,
          trace: row.trace as TTrace | null,
          error: storedErrorOf(result),
          testResults: row.testResults.map((test) => ({
            ...test,
            trace: test.trace as TTrace | null,
            error: ZErrorDetail.nullable().safeParse(test.error).data ?? null,
          })),
        },
      ];
    }),
  );
}

export async function buildInterviewReport(session: Interview): Promise<TInterviewReport> {
  const attempt = await findInterviewAttempt(session.id);
  const [questions, lessons, tasks] = await Promise.all([
    loadQuestions(attempt.questionIds),
    loadLessonIndex(),
    loadInterviewTasks(session.id),
  ]);
  const submissions = await loadTaskSubmissions(tasks.flatMap((task) => (task.submission ? [task.submission.id] : [])));
  const flagged = new Set(session.flagged);
  const seconds = (position: number) => session.itemSeconds[position] ?? 0;

  const reportQuestions: TReportQuestion[] = attemptQuestions(attempt, questions).map(({ position, stored, shownOrder, recorded }) => ({
    position,
    question: publicQuestion(stored.question, shownOrder),
    feedback: questionFeedback(stored, shownOrder, recorded, lessons),
    concepts: stored.question.concepts,
    seconds: seconds(position),
    flagged: flagged.has(position),
  }));
  const reportTasks: TReportTask[] = tasks.map((task) => {
    const position = attempt.questionIds.length + task.position;
    return {
      position,
      index: task.position,
      slug: task.item.slug,
      title: { "zh-CN": task.item.titleZh, en: task.item.titleEn },
      concepts: conceptsOf(task.item.content),
      code: task.submission?.code ?? task.code,
      attempted: task.submission !== null || !isUntouched(task.code, task.item.content),
      seconds: seconds(position),
      flagged: flagged.has(position),
      submission: task.submission ? (submissions.get(task.submission.id) ?? null) : null,
    };
  });

  const grading = reportTasks.some((task) => task.submission && task.submission.status !== "DONE");
  const scored = [
    ...reportQuestions.map((question) => ({ concepts: question.concepts, earned: question.feedback.score * QUESTION_POINTS, total: QUESTION_POINTS })),
    ...reportTasks
      .filter((task) => countsForScore(task.submission))
      .map((task) => ({ concepts: task.concepts, earned: (task.submission?.score ?? 0) * TASK_POINTS, total: TASK_POINTS })),
  ];
  const concepts = grading ? [] : conceptBreakdown(scored);
  const weak = concepts.filter((concept) => !concept.strong).map((concept) => concept.concept);
  const finishedAt = session.finishedAt ?? session.endsAt;
  const earned = scored.reduce((sum, item) => sum + item.earned, 0);
  return {
    ...interviewHeader(session),
    finishedAt: session.finishedAt?.toISOString() ?? null,
    timeUsedSeconds: Math.max(0, Math.round((finishedAt.getTime() - session.startedAt.getTime()) / 1000)),
    score: grading ? null : session.score,
    grading,
    points: {
      earned: grading ? 0 : Math.round(earned * 100) / 100,
      total: scored.reduce((sum, item) => sum + item.total, 0),
      questionPoints: QUESTION_POINTS,
      taskPoints: TASK_POINTS,
    },
    concepts,
    questions: reportQuestions,
    tasks: reportTasks,
    practice: grading ? [] : await loadPractice(session.userId, weak, tasks.map((task) => task.itemId)),
  };
}

/**
 * A report exists once the interview is handed in. One past its deadline
 * whose job has not run yet is handed in here first: the report never
 * waits on the queue.
 */
export async function reportOf(session: Interview): Promise<TInterviewReport | null> {
  if (session.status === "IN_PROGRESS") {
    if (isOpen(session, new Date())) return null;
    await finishInterview(session.id, "deadline");
    const finished = await findInterview(session.id);
    if (!finished) throw interviewNotFound();
    return buildInterviewReport(finished);
  }
  return buildInterviewReport(session);
}

/** The candidate's own report; null while the interview still runs. */
export async function getInterviewReport(userId: string, sessionId: string): Promise<TInterviewReport | null> {
  return reportOf(await findOwnInterview(userId, sessionId));
}
