/**
 * A student's status on one item of the course, from what the database keeps
 * of their work on it, and where they should continue. Pure: the course map
 * and the progress page feed it rows they read in one query.
 */
import type { ItemKind } from "../generated/prisma/enums";

/** A quiz is passed (solved) when one submitted attempt scored at least this. */
export const QUIZ_PASS_SCORE = 0.8;

export type ItemStatus = "not-started" | "attempted" | "solved";

export type ItemWork = {
  kind: ItemKind;
  /** The Progress row: written by each grading of an exercise, and when a lesson is marked read. */
  progress: { bestScore: number; attempts: number; solvedAt: Date | null; lastAttemptAt: Date | null } | null;
  /** The item's quiz attempts outside interviews: submitted ones are scored, any one is a visit. */
  quiz: { bestScore: number | null; submitted: number; lastAt: Date | null } | null;
  /** When the editor last saved a draft of this exercise. */
  draftAt: Date | null;
};

export type ItemProgress = {
  status: ItemStatus;
  /** 0..1; null while there is nothing scored (and for lessons, which are read, not scored). */
  bestScore: number | null;
  /** Graded submissions of an exercise, submitted attempts of a quiz. */
  attempts: number;
  /** The last time the student did anything with the item. */
  touchedAt: Date | null;
};

const latest = (...dates: (Date | null | undefined)[]): Date | null =>
  dates.reduce<Date | null>((best, date) => (date && (!best || date > best) ? date : best), null);

export function itemProgress(work: ItemWork): ItemProgress {
  const { progress, quiz } = work;
  switch (work.kind) {
    case "LESSON":
      return { status: progress?.solvedAt ? "solved" : "not-started", bestScore: null, attempts: 0, touchedAt: progress?.lastAttemptAt ?? null };
    case "EXERCISE": {
      const status: ItemStatus = progress?.solvedAt ? "solved" : progress ? "attempted" : "not-started";
      return {
        status,
        bestScore: progress ? progress.bestScore : null,
        attempts: progress?.attempts ?? 0,
        touchedAt: latest(progress?.lastAttemptAt, work.draftAt),
      };
    }
    case "QUIZ": {
      const submitted = quiz?.submitted ?? 0;
      const bestScore = submitted > 0 ? (quiz?.bestScore ?? 0) : null;
      const status: ItemStatus = bestScore === null ? "not-started" : bestScore >= QUIZ_PASS_SCORE ? "solved" : "attempted";
      return { status, bestScore, attempts: submitted, touchedAt: quiz?.lastAt ?? null };
    }
  }
}

export type ContinueReason = "resume" | "next" | "start";

/**
 * Where to continue, over the items in course order: the item touched last,
 * when it is not solved yet ("resume"); else the first unsolved item after
 * it, wrapping round to the start ("next"); the first item when nothing was
 * touched ("start"); null when every item is solved.
 */
export function continuePoint<Item extends Pick<ItemProgress, "status" | "touchedAt">>(
  items: Item[],
): { item: Item; reason: ContinueReason; after: Item | null } | null {
  let lastIndex = -1;
  items.forEach((item, index) => {
    const last = items[lastIndex];
    if (item.touchedAt && (!last?.touchedAt || item.touchedAt > last.touchedAt)) lastIndex = index;
  });
  const last = items[lastIndex];
  if (!last) {
    const first = items.find((item) => item.status !== "solved");
    return first ? { item: first, reason: "start", after: null } : null;
  }
  if (last.status !== "solved") return { item: last, reason: "resume", after: null };
  const following = [...items.slice(lastIndex + 1), ...items.slice(0, lastIndex)];
  const next = following.find((item) => item.status !== "solved");
  return next ? { item: next, reason: "next", after: last } : null;
}
