/**
 * What the class gets wrong, for its teachers: per item, per failing test
 * and its misconception, per quiz question, per concept, over time, and the
 * submissions flagged for tampering. A constant number of queries whatever
 * the number of students (every figure is aggregated in SQL, see
 * insights-scope.ts for whose work counts and which verdict is current).
 */
import { AppError } from "../errors";
import { prisma } from "../db/client";
import { isUuid } from "../ids";
import { bilingual } from "../i18n/messages";
import { assertRole, findTaughtClass, TEACHING_ROLES, type Viewer } from "../access/access";
import { listClassItems, type ClassItem } from "../classes/class-course-items";
import { parseStoredQuestion, ZStoredAnswer } from "../quizzes/schemas";
import { QUIZ_PASS_SCORE } from "../progress/item-status";
import type { TBilingual } from "../content/schemas";
import { classMastery, type ConceptInsight } from "./class-mastery";
import { describeAnswer } from "./describe-answer";
import { failingSentence, misconceptionLabel } from "./misconception-label";
import { progressSeries, type DayPoint } from "./progress-series";
import { loadItemStats } from "./load-item-stats";
import { loadFailingTests } from "./load-failing-tests";
import { loadQuestionStats } from "./load-question-stats";
import { loadProgressDays } from "./load-progress-days";
import { loadTamperedSubmissions } from "./load-tampered-submissions";
import type { InsightsScope } from "./insights-scope";

type ItemRef = { id: string; kind: ClassItem["kind"]; title: TBilingual; href: string };

export type ItemInsight = ItemRef & {
  concepts: string[];
  started: number;
  solved: number;
  /** solved / started; null while nobody started. */
  solveRate: number | null;
  medianAttempts: number | null;
  medianSecondsToSolve: number | null;
  /** Quizzes: the median of the students' best scores (0..1). */
  medianScore: number | null;
};

export type StudentLink = { studentId: string; name: string; submissionId: string; href: string };

export type FailingTest = {
  item: ItemRef;
  testId: string;
  testName: TBilingual;
  misconception: string | null;
  label: TBilingual;
  sentence: TBilingual;
  count: number;
  submissions: StudentLink[];
};

export type QuestionInsight = {
  questionId: string;
  item: ItemRef | null;
  prompt: TBilingual;
  answered: number;
  correct: number;
  facility: number;
  mostChosenWrong: { answer: TBilingual; count: number } | null;
};

export type TamperedSubmission = StudentLink & {
  item: ItemRef | null;
  queuedAt: Date;
  reports: { what: string; detail: string; line?: number | null }[];
};

export type ClassInsights = {
  class: { id: string; name: string };
  timeZone: string;
  assignment: { id: string; title: string } | null;
  assignments: { id: string; title: string }[];
  studentCount: number;
  quizPassScore: number;
  items: ItemInsight[];
  failingTests: FailingTest[];
  questions: QuestionInsight[];
  concepts: ConceptInsight[];
  progress: DayPoint[];
  tampered: TamperedSubmission[];
};

const assignmentNotFound = () => new AppError("NOT_FOUND", bilingual("insights.error.assignmentNotFound"));

/** B's drill-down of one student's work on one item, anchored at one submission. */
export function submissionHref(classId: string, studentId: string, itemId: string, submissionId: string): string {
  return `/teach/classes/${classId}/students/${studentId}/items/${itemId}#submission-${submissionId}`;
}

export async function getClassInsights(
  viewer: Viewer,
  classId: string,
  options: { assignmentId?: string | null; timeZone?: string } = {},
): Promise<ClassInsights> {
  assertRole(viewer, TEACHING_ROLES);
  const taught = await findTaughtClass(viewer, classId);
  const assignmentId = options.assignmentId || null;
  if (assignmentId !== null && !isUuid(assignmentId)) throw assignmentNotFound();
  const timeZone = options.timeZone ?? "UTC";
  const scope: InsightsScope = { classId: taught.id, courseId: taught.courseId, assignmentId };

  const [assignments, assignmentItems, courseItems, studentCount, itemStats, failing, questionRows, days, tamperedRows] = await Promise.all([
    prisma.assignment.findMany({ where: { classId: taught.id }, select: { id: true, title: true }, orderBy: [{ dueAt: "asc" }, { id: "asc" }] }),
    assignmentId === null
      ? Promise.resolve(null)
      : prisma.assignmentItem.findMany({ where: { assignmentId, assignment: { classId: taught.id } }, select: { itemId: true } }),
    listClassItems(taught.courseId),
    prisma.enrolment.count({ where: { classId: taught.id } }),
    loadItemStats(scope),
    loadFailingTests(scope),
    loadQuestionStats(scope),
    loadProgressDays(scope, timeZone),
    loadTamperedSubmissions(scope),
  ]);
  const assignment = assignmentId === null ? null : assignments.find((entry) => entry.id === assignmentId);
  if (assignment === undefined) throw assignmentNotFound();
  const inScope = assignmentItems === null ? null : new Set(assignmentItems.map((entry) => entry.itemId));
  const classItems = courseItems.filter((item) => inScope === null || inScope.has(item.id));
  const itemsById = new Map(classItems.map((item) => [item.id, { id: item.id, kind: item.kind, title: item.title, href: item.href }]));
  const nameOf = (row: { name: string | null; email: string }) => row.name ?? row.email;

  const items: ItemInsight[] = classItems.map((item) => {
    const stats = itemStats.get(item.id);
    const started = stats?.started ?? 0;
    const solved = stats?.solved ?? 0;
    return {
      ...itemsById.get(item.id)!,
      concepts: item.concepts,
      started,
      solved,
      solveRate: started === 0 ? null : solved / started,
      medianAttempts: stats?.medianAttempts ?? null,
      medianSecondsToSolve: stats?.medianSeconds ?? null,
      medianScore: item.kind === "QUIZ" ? (stats?.medianScore ?? null) : null,
    };
  });

  const failingTests: FailingTest[] = failing.flatMap((row) => {
    const item = itemsById.get(row.itemId);
    if (!item) return [];
    const testName = { "zh-CN": row.nameZh, en: row.nameEn };
    const label = misconceptionLabel(row.misconception, testName);
    return [{
      item,
      testId: row.testId,
      testName,
      misconception: row.misconception,
      label,
      sentence: failingSentence(row.count, label),
      count: row.count,
      submissions: row.submissions.map((entry) => ({
        studentId: entry.studentId,
        name: nameOf(entry),
        submissionId: entry.submissionId,
        href: submissionHref(taught.id, entry.studentId, row.itemId, entry.submissionId),
      })),
    }];
  });

  const questions: QuestionInsight[] = questionRows.map((row) => {
    const { question } = parseStoredQuestion(row.content);
    const wrong = row.wrongAnswer === null || row.wrongAnswer === undefined ? null : ZStoredAnswer.safeParse(row.wrongAnswer);
    return {
      questionId: row.questionId,
      item: itemsById.get(row.itemId) ?? null,
      prompt: question.prompt,
      answered: row.answered,
      correct: row.correct,
      facility: row.correct / row.answered,
      mostChosenWrong: wrong?.success && row.wrongCount !== null ? { answer: describeAnswer(question, wrong.data), count: row.wrongCount } : null,
    };
  });

  const tampered: TamperedSubmission[] = tamperedRows.map((row) => ({
    studentId: row.studentId,
    name: nameOf(row),
    submissionId: row.submissionId,
    href: submissionHref(taught.id, row.studentId, row.itemId, row.anchorId),
    item: itemsById.get(row.itemId) ?? null,
    queuedAt: row.queuedAt,
    reports: row.reports,
  }));

  return {
    class: { id: taught.id, name: taught.name },
    timeZone,
    assignment,
    assignments,
    studentCount,
    quizPassScore: QUIZ_PASS_SCORE,
    items,
    failingTests,
    questions,
    concepts: classMastery(items, studentCount),
    progress: progressSeries(days),
    tampered,
  };
}
