/**
 * Pure rules of a regrade, shared by the preview, the progress update and
 * the page: which grading of a submission stands, and what counts as a change.
 */
import type { TGrading, TPreviewCounts, TPreviewEntry } from "./schemas";

/** Scores are fractions of 1 from the judge; closer than this is the same score. */
const SAME_SCORE = 1e-9;

export type StoredGrading = { verdict: string | null; score: number | null; status: string };

/**
 * The grading that stands for a submission: its newest finished regrade, else
 * itself. A GRADER_ERROR is ours and never stands: the one before it does.
 * `regrades` newest first.
 */
export function standingGrading(original: StoredGrading, regradesNewestFirst: StoredGrading[]): TGrading | null {
  for (const candidate of [...regradesNewestFirst, original]) {
    if (candidate.status === "DONE" && candidate.verdict && candidate.verdict !== "GRADER_ERROR") {
      return { verdict: candidate.verdict as TGrading["verdict"], score: candidate.score ?? 0 };
    }
  }
  return null;
}

export function isChange(entry: Pick<TPreviewEntry, "old" | "new">): boolean {
  return entry.old.verdict !== entry.new.verdict || Math.abs(entry.old.score - entry.new.score) > SAME_SCORE;
}

/** Better: a higher score, or the same score and now PASSED. */
export function direction(entry: Pick<TPreviewEntry, "old" | "new">): "improved" | "worsened" | "same" {
  const delta = entry.new.score - entry.old.score;
  if (delta > SAME_SCORE) return "improved";
  if (delta < -SAME_SCORE) return "worsened";
  if (entry.new.verdict === entry.old.verdict) return "same";
  if (entry.new.verdict === "PASSED") return "improved";
  if (entry.old.verdict === "PASSED") return "worsened";
  return "same";
}

export function countChanges(entries: Pick<TPreviewEntry, "old" | "new">[]): TPreviewCounts {
  const counts: TPreviewCounts = { unchanged: 0, changed: 0, improved: 0, worsened: 0, graderErrors: 0, transitions: {} };
  for (const entry of entries) {
    if (entry.new.verdict === "GRADER_ERROR") {
      counts.graderErrors += 1;
      continue;
    }
    if (!isChange(entry)) {
      counts.unchanged += 1;
      continue;
    }
    counts.changed += 1;
    const way = direction(entry);
    if (way !== "same") counts[way] += 1;
    if (entry.old.verdict !== entry.new.verdict) {
      const key = `${entry.old.verdict}→${entry.new.verdict}`;
      counts.transitions[key] = (counts.transitions[key] ?? 0) + 1;
    }
  }
  return counts;
}

export type OriginalGradings = { original: StoredGrading & { submittedAt: Date }; regradesNewestFirst: StoredGrading[] };

/**
 * A student's progress on an exercise after a regrade, from the grading that
 * stands for each of their submissions: the best score among them, and
 * solved when one of them passes now (at the time that submission was made).
 * A teacher expects a stricter test to take back a "solved" it no longer
 * grants, and a fixed test to grant it; attempts stay the student's own.
 */
export function progressFromGradings(submissions: OriginalGradings[]): { bestScore: number; solvedAt: Date | null } {
  let bestScore = 0;
  let solvedAt: Date | null = null;
  for (const { original, regradesNewestFirst } of submissions) {
    const standing = standingGrading(original, regradesNewestFirst);
    if (!standing) continue;
    bestScore = Math.max(bestScore, standing.score);
    if (standing.verdict === "PASSED" && (!solvedAt || original.submittedAt < solvedAt)) solvedAt = original.submittedAt;
  }
  return { bestScore, solvedAt };
}
