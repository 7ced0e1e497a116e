/**
 * When hints and the reference solution become available. Pure, so the page
 * and the server's check agree: hint k (1-based) after k − 1 attempts — the
 * first at once, each further one after one more try; the reference once
 * solved, or after the course's number of attempts.
 */
export function hintsUnlocked(total: number, attempts: number): number {
  return Math.max(0, Math.min(total, attempts + 1));
}

/** Attempts still needed before hint `index` (0-based) unlocks; 0 when it is open. */
export function attemptsUntilHint(index: number, attempts: number): number {
  return Math.max(0, index - attempts);
}

export function referenceUnlocked(progress: { attempts: number; solved: boolean }, referenceAfterAttempts: number): boolean {
  return progress.solved || progress.attempts >= referenceAfterAttempts;
}
