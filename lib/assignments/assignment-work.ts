/**
 * Where a student stands on an assignment, from their work on its items:
 * each item done or not, when, late or not and by how much, its best score
 * and its best score after the late penalty; then the student's whole
 * assignment. Pure (the queries are find-assignment-work.ts), so the
 * teacher's table, the counts and the course map agree.
 */
import { hoursLate, isLate, penalisedScore, penaltyPercent, type TLatePenalty } from "./due-dates";

/** One student's work on one item: Progress.solvedAt, and each graded attempt's time and score. */
export type ItemWork = { solvedAt: Date | null; attempts: number; scores: { at: Date; score: number }[] };

export type ItemState = "done" | "late" | "started" | "notStarted";

export type ItemStanding = {
  state: ItemState;
  doneAt: Date | null;
  /** Hours the item was done after the due date (0 when on time or not done). */
  hoursLate: number;
  bestScore: number | null;
  /** The best of each attempt's score after its own lateness's penalty. */
  penalisedScore: number | null;
  /** The penalty of the attempt that gave penalisedScore. */
  penaltyPercent: number;
};

export type StudentState = "done" | "late" | "overdue" | "inProgress" | "notStarted";

export type StudentStanding = {
  state: StudentState;
  done: number;
  late: number;
  total: number;
  /** Mean over the items of the penalised score (an item not attempted counts 0). */
  score: number;
  rawScore: number;
};

export const NO_WORK: ItemWork = { solvedAt: null, attempts: 0, scores: [] };

export function standOnItem(work: ItemWork, dueAt: Date, schedule: TLatePenalty): ItemStanding {
  let bestScore: number | null = null;
  let best: { score: number; percent: number } | null = null;
  for (const attempt of work.scores) {
    bestScore = bestScore === null ? attempt.score : Math.max(bestScore, attempt.score);
    const score = penalisedScore(attempt.score, attempt.at, dueAt, schedule);
    if (!best || score > best.score) best = { score, percent: penaltyPercent(attempt.at, dueAt, schedule) };
  }
  const started = work.attempts > 0 || work.scores.length > 0;
  const late = work.solvedAt !== null && isLate(work.solvedAt, dueAt);
  return {
    state: work.solvedAt ? (late ? "late" : "done") : started ? "started" : "notStarted",
    doneAt: work.solvedAt,
    hoursLate: work.solvedAt ? hoursLate(work.solvedAt, dueAt) : 0,
    bestScore,
    penalisedScore: best?.score ?? null,
    penaltyPercent: best?.percent ?? 0,
  };
}

export function standOnAssignment(items: ItemStanding[], dueAt: Date, now: Date): StudentStanding {
  const done = items.filter((item) => item.state === "done" || item.state === "late").length;
  const late = items.filter((item) => item.state === "late").length;
  const total = items.length;
  const mean = (values: number[]) => (total === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / total);
  const state: StudentState =
    late > 0
      ? "late"
      : done === total && total > 0
        ? "done"
        : isLate(now, dueAt)
          ? "overdue"
          : items.some((item) => item.state !== "notStarted")
            ? "inProgress"
            : "notStarted";
  return {
    state,
    done,
    late,
    total,
    score: mean(items.map((item) => item.penalisedScore ?? 0)),
    rawScore: mean(items.map((item) => item.bestScore ?? 0)),
  };
}

export type Phase = "upcoming" | "open" | "past";

/** Upcoming before it opens, open until the (student's own) due date, past after. */
export function phaseOf(opensAt: Date, dueAt: Date, now: Date): Phase {
  if (now < opensAt) return "upcoming";
  return isLate(now, dueAt) ? "past" : "open";
}
