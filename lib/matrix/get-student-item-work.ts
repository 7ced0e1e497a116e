/**
 * A cell's drill-down: everything one student of the class did on one item.
 * An exercise: each submission (regrades marked) with its code, the code of
 * the one before it, its verdict, each test's result and run, and the time
 * from the first to the last attempt. A quiz: each attempt with its answers.
 */
import { z } from "zod";
import { prisma } from "../db/client";
import type { SubmissionStatus, Verdict } from "../generated/prisma/enums";
import { AppError } from "../errors";
import { bilingual } from "../i18n/messages";
import { isUuid } from "../ids";
import { findClassStudent, type Viewer } from "../access/access";
import { ZTrace, type TTrace } from "../../grader/result";
import type { TBilingual } from "../content/schemas";
import { parseStoredQuestion, ZStoredAnswer } from "../quizzes/schemas";
import { listClassItems, type ClassItem } from "../classes/class-course-items";
import { buildCell, type MatrixCell } from "./cell";
import { readClassWork } from "./read-class-work";
import { describeAnswer } from "./describe-answer";

export type DrillTest = {
  testId: string;
  name: TBilingual;
  status: "PASSED" | "FAILED" | "ERROR" | "SKIPPED";
  message: TBilingual | null;
  durationSeconds: number | null;
  expectedSeconds: number | null;
  toleranceSeconds: number | null;
  misconception: string | null;
  trace: TTrace | null;
};

export type DrillSubmission = {
  id: string;
  /** 1, 2, …: the student's own submissions in order; a regrade takes the number of the one it regrades. */
  number: number;
  regradeOf: { id: string; number: number } | null;
  queuedAt: Date;
  status: SubmissionStatus;
  verdict: Verdict | null;
  score: number | null;
  tampered: boolean;
  message: TBilingual | null;
  code: string;
  /** The code of the student's previous submission (null for the first). */
  previousCode: string | null;
  trace: TTrace | null;
  tests: DrillTest[];
};

export type DrillQuizAttempt = {
  id: string;
  number: number;
  startedAt: Date;
  submittedAt: Date | null;
  score: number | null;
  answers: { questionId: string; prompt: TBilingual; code: string | null; answer: TBilingual | null; correct: boolean | null; score: number | null }[];
};

export type StudentItemWork = {
  class: { id: string; name: string };
  student: { id: string; email: string; name: string | null };
  item: ClassItem;
  cell: MatrixCell;
  /** Milliseconds from the first to the last attempt (null with fewer than two). */
  spanMs: number | null;
  submissions: DrillSubmission[];
  quizAttempts: DrillQuizAttempt[];
};

const trace = (value: unknown): TTrace | null => ZTrace.safeParse(value).data ?? null;
const text = (zh: string | null, en: string | null): TBilingual | null => (zh || en ? { "zh-CN": zh ?? en ?? "", en: en ?? zh ?? "" } : null);
const ZQuestionIds = z.array(z.string());

export async function getStudentItemWork(viewer: Viewer, classId: string, studentId: string, itemId: string, now = new Date()): Promise<StudentItemWork> {
  const { class: taught, student } = await findClassStudent(viewer, classId, studentId);
  const items = await listClassItems(taught.courseId);
  const item = isUuid(itemId) ? items.find((candidate) => candidate.id === itemId) : undefined;
  if (!item) throw new AppError("NOT_FOUND", bilingual("matrix.error.itemNotFound"));
  const work = await readClassWork(taught.id, [item], student.id);
  const cell = buildCell(work.work(student.id, item), work.dueDate(student.id, item.id), now);
  const base = { class: { id: taught.id, name: taught.name }, student, item, cell };

  if (item.kind === "EXERCISE") {
    const rows = await prisma.submission.findMany({
      where: { userId: student.id, itemId: item.id, interviewSessionId: null },
      orderBy: { queuedAt: "asc" },
      select: {
        id: true, queuedAt: true, status: true, verdict: true, score: true, tampered: true, regradeOfId: true,
        messageZh: true, messageEn: true, code: true, trace: true,
        testResults: {
          orderBy: { position: "asc" },
          select: {
            testId: true, nameZh: true, nameEn: true, status: true, messageZh: true, messageEn: true,
            durationSeconds: true, expectedSeconds: true, toleranceSeconds: true, misconception: true, trace: true,
          },
        },
      },
    });
    const numbers = new Map<string, number>();
    let previousCode: string | null = null;
    const submissions: DrillSubmission[] = [];
    for (const row of rows) {
      const original = row.regradeOfId ? numbers.get(row.regradeOfId) : undefined;
      const number = original ?? numbers.size + 1;
      if (!row.regradeOfId) numbers.set(row.id, number);
      submissions.push({
        id: row.id,
        number,
        regradeOf: row.regradeOfId && original !== undefined ? { id: row.regradeOfId, number: original } : null,
        queuedAt: row.queuedAt,
        status: row.status,
        verdict: row.verdict,
        score: row.score,
        tampered: row.tampered,
        message: text(row.messageZh, row.messageEn),
        code: row.code,
        previousCode: row.regradeOfId ? null : previousCode,
        trace: trace(row.trace),
        tests: row.testResults.map((test) => ({
          testId: test.testId,
          name: { "zh-CN": test.nameZh, en: test.nameEn },
          status: test.status,
          message: text(test.messageZh, test.messageEn),
          durationSeconds: test.durationSeconds,
          expectedSeconds: test.expectedSeconds,
          toleranceSeconds: test.toleranceSeconds,
          misconception: test.misconception,
          trace: trace(test.trace),
        })),
      });
      if (!row.regradeOfId) previousCode = row.code;
    }
    const own = submissions.filter((submission) => !submission.regradeOf);
    const spanMs = own.length > 1 ? own[own.length - 1]!.queuedAt.getTime() - own[0]!.queuedAt.getTime() : null;
    return { ...base, spanMs, submissions, quizAttempts: [] };
  }

  const attempts = await prisma.quizAttempt.findMany({
    where: { userId: student.id, itemId: item.id, interviewSessionId: null },
    orderBy: { startedAt: "asc" },
    select: {
      id: true, startedAt: true, submittedAt: true, score: true, questionIds: true,
      answers: { select: { questionId: true, answer: true, correct: true, score: true } },
    },
  });
  const questionIds = [...new Set(attempts.flatMap((attempt) => ZQuestionIds.parse(attempt.questionIds)))];
  const questions = new Map(
    (await prisma.quizQuestion.findMany({ where: { id: { in: questionIds } }, select: { id: true, content: true } })).flatMap((row) => {
      try {
        return [[row.id, parseStoredQuestion(row.content).question] as const];
      } catch {
        return [];
      }
    }),
  );
  const quizAttempts: DrillQuizAttempt[] = attempts.map((attempt, index) => {
    const answers = new Map(attempt.answers.map((answer) => [answer.questionId, answer]));
    return {
      id: attempt.id,
      number: index + 1,
      startedAt: attempt.startedAt,
      submittedAt: attempt.submittedAt,
      score: attempt.score,
      answers: attempt.questionIds.map((questionId) => {
        const question = questions.get(questionId);
        const answer = answers.get(questionId);
        const stored = answer ? ZStoredAnswer.safeParse(answer.answer).data : undefined;
        return {
          questionId,
          prompt: question?.prompt ?? { "zh-CN": questionId, en: questionId },
          code: question?.code ?? null,
          answer: question && stored ? describeAnswer(question, stored) : null,
          correct: answer?.correct ?? null,
          score: answer?.score ?? null,
        };
      }),
    };
  });
  const submitted = quizAttempts.filter((attempt) => attempt.submittedAt);
  const spanMs = submitted.length > 1 ? submitted[submitted.length - 1]!.submittedAt!.getTime() - submitted[0]!.submittedAt!.getTime() : null;
  return { ...base, spanMs, submissions: [], quizAttempts };
}
