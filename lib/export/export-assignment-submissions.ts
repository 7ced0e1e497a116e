/**
 * Every piece of work handed in on an assignment's items by the class's
 * students, as CSV: exercise submissions (a teacher's regrade is not the
 * student's hand-in and is left out; the regraded score is in the matrix)
 * and submitted quiz attempts, each with its lateness against the student's
 * own due date (extension included) and its score after the late penalty.
 */
import { prisma } from "../db/client";
import { AppError } from "../errors";
import { bilingual } from "../i18n/messages";
import { isUuid } from "../ids";
import { findTaughtClass, type Viewer } from "../access/access";
import { effectiveDueAt, hoursLate, isLate, penalisedScore, ZLatePenalty } from "../assignments/due-dates";
import { QUIZ_PASS_SCORE } from "../progress/item-status";
import { toCsv } from "./csv";

export const SUBMISSIONS_CSV_HEADER = [
  "student",
  "email",
  "item",
  "kind",
  "submitted_at",
  "verdict",
  "score",
  "late",
  "hours_late",
  "penalised_score",
  "tampered",
];

const round = (value: number, places = 3) => Math.round(value * 10 ** places) / 10 ** places;

export async function exportAssignmentSubmissions(viewer: Viewer, classId: string, assignmentId: string) {
  const taught = await findTaughtClass(viewer, classId);
  const notFound = new AppError("NOT_FOUND", bilingual("matrix.error.assignmentNotFound"));
  if (!isUuid(assignmentId)) throw notFound;
  const assignment = await prisma.assignment.findFirst({
    where: { id: assignmentId, classId: taught.id },
    select: {
      id: true,
      title: true,
      dueAt: true,
      latePenalty: true,
      items: { orderBy: { position: "asc" }, select: { itemId: true, item: { select: { slug: true } } } },
      extensions: { select: { userId: true, dueAt: true } },
    },
  });
  if (!assignment) throw notFound;
  const itemIds = assignment.items.map((entry) => entry.itemId);
  const enrolled = { enrolments: { some: { classId: taught.id } } };
  const [submissions, attempts] = await Promise.all([
    prisma.submission.findMany({
      where: { itemId: { in: itemIds }, regradeOfId: null, interviewSessionId: null, user: enrolled },
      select: { userId: true, itemId: true, queuedAt: true, verdict: true, score: true, status: true, tampered: true, user: { select: { name: true, email: true } } },
    }),
    prisma.quizAttempt.findMany({
      where: { itemId: { in: itemIds }, interviewSessionId: null, submittedAt: { not: null }, user: enrolled },
      select: { userId: true, itemId: true, submittedAt: true, score: true, user: { select: { name: true, email: true } } },
    }),
  ]);
  const schedule = ZLatePenalty.catch([]).parse(assignment.latePenalty);
  const extensions = new Map(assignment.extensions.map((extension) => [extension.userId, extension.dueAt]));
  const position = new Map(assignment.items.map((entry, index) => [entry.itemId, index]));
  const slug = new Map(assignment.items.map((entry) => [entry.itemId, entry.item.slug]));

  const work = [
    ...submissions.map((submission) => ({
      ...submission,
      kind: "exercise",
      at: submission.queuedAt,
      verdict: submission.verdict ?? submission.status,
    })),
    ...attempts.map((attempt) => ({
      ...attempt,
      itemId: attempt.itemId ?? "",
      kind: "quiz",
      at: attempt.submittedAt ?? new Date(0),
      verdict: (attempt.score ?? 0) >= QUIZ_PASS_SCORE ? "PASSED" : "FAILED",
      tampered: false,
    })),
  ].sort(
    (a, b) =>
      (a.user.name ?? a.user.email).localeCompare(b.user.name ?? b.user.email) ||
      a.user.email.localeCompare(b.user.email) ||
      (position.get(a.itemId) ?? 0) - (position.get(b.itemId) ?? 0) ||
      a.at.getTime() - b.at.getTime(),
  );

  const records = work.map((entry) => {
    const { dueAt } = effectiveDueAt(assignment.dueAt, extensions.get(entry.userId));
    return [
      entry.user.name ?? "",
      entry.user.email,
      slug.get(entry.itemId) ?? "",
      entry.kind,
      entry.at,
      entry.verdict,
      entry.score === null ? null : round(entry.score),
      isLate(entry.at, dueAt),
      round(hoursLate(entry.at, dueAt), 2),
      entry.score === null ? null : round(penalisedScore(entry.score, entry.at, dueAt, schedule)),
      entry.tampered,
    ];
  });
  return { csv: toCsv(SUBMISSIONS_CSV_HEADER, records), className: taught.name, assignmentTitle: assignment.title };
}
