/**
 * One cell of the progress matrix (a student on an item), from the rows the
 * database keeps. Pure: the status comes from itemProgress(), the function
 * the student's own pages use, so a teacher never sees another status.
 */
import { isLate, type DueDate } from "../assignments/due-dates";
import { itemProgress, type ItemStatus } from "../progress/item-status";

/** Attempted and not solved, with this many attempts or hints or more: the legend says so. */
export const STRUGGLING_ATTEMPTS = 3;
export const STRUGGLING_HINTS = 2;

/** "late": solved after the due date; "missing": not solved and the due date has passed. */
export type Lateness = "on-time" | "late" | "missing" | null;

export type CellWork = {
  kind: "EXERCISE" | "QUIZ";
  progress: { bestScore: number; attempts: number; solvedAt: Date | null; lastAttemptAt: Date | null; hintsRevealed: number } | null;
  quiz: { bestScore: number | null; submitted: number; lastAt: Date | null; firstAt: Date | null; firstPassedAt: Date | null } | null;
  /** Exercises: the first and last graded submission by the student, and the first that passed. */
  submissions: { firstAt: Date; lastAt: Date; firstPassedAt: Date | null } | null;
};

export type MatrixCell = {
  status: ItemStatus;
  bestScore: number | null;
  attempts: number;
  hintsRevealed: number;
  firstSolvedAt: Date | null;
  firstAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  struggling: boolean;
  due: { dueAt: Date; extended: boolean; assignmentId: string } | null;
  lateness: Lateness;
};

export function lateness(status: ItemStatus, firstSolvedAt: Date | null, due: DueDate | null, now: Date): Lateness {
  if (!due) return null;
  if (status === "solved") return firstSolvedAt && isLate(firstSolvedAt, due.dueAt) ? "late" : "on-time";
  return isLate(now, due.dueAt) ? "missing" : "on-time";
}

export function buildCell(work: CellWork, due: DueDate | null, now: Date): MatrixCell {
  const shown = itemProgress({
    kind: work.kind,
    progress: work.progress,
    quiz: work.quiz,
    draftAt: null,
  });
  const hintsRevealed = work.progress?.hintsRevealed ?? 0;
  const firstSolvedAt =
    shown.status !== "solved"
      ? null
      : work.kind === "QUIZ"
        ? (work.quiz?.firstPassedAt ?? null)
        : (work.submissions?.firstPassedAt ?? work.progress?.solvedAt ?? null);
  const firstAttemptAt = work.kind === "QUIZ" ? (work.quiz?.firstAt ?? null) : (work.submissions?.firstAt ?? null);
  const lastAttemptAt = work.kind === "QUIZ" ? (work.quiz?.lastAt ?? null) : (work.submissions?.lastAt ?? work.progress?.lastAttemptAt ?? null);
  const struggling =
    shown.status === "attempted" && (shown.attempts >= STRUGGLING_ATTEMPTS || hintsRevealed >= STRUGGLING_HINTS);
  return {
    status: shown.status,
    bestScore: shown.bestScore,
    attempts: shown.attempts,
    hintsRevealed,
    firstSolvedAt,
    firstAttemptAt,
    lastAttemptAt,
    struggling,
    due: due ? { dueAt: due.dueAt, extended: due.extended, assignmentId: due.assignmentId } : null,
    lateness: lateness(shown.status, firstSolvedAt, due, now),
  };
}
