/**
 * A line diff of two versions of a program, for comparing two attempts.
 *
 * Myers' O(ND) algorithm in its linear-space form (the "middle snake",
 * E. Myers, An O(ND) Difference Algorithm and Its Variations, 1986, §4b),
 * as GNU diff does it: the result is a shortest edit script, except when the
 * two sides are so unlike that finding the shortest one would cost more than
 * `COST_LIMIT` rounds per split; then a still-correct, slightly longer one is
 * taken, so that two unrelated 64 KiB programs diff in milliseconds.
 *
 * Line endings are normalised (CRLF and CR count as LF), and a newline at the
 * very end does not make an extra empty line: "a\n" and "a" are the same
 * program to a learner. Within a changed stretch removed lines come before
 * added ones, as in `git diff`.
 */

export type DiffLine =
  | { kind: "same"; text: string; oldNumber: number; newNumber: number }
  | { kind: "removed"; text: string; oldNumber: number }
  | { kind: "added"; text: string; newNumber: number };

export type LineDiff = {
  lines: DiffLine[];
  added: number;
  removed: number;
};

/** Above this many rounds in one split, take the furthest-reaching point instead of the middle snake. */
const COST_LIMIT = 512;

/** The lines of a program: LF, CRLF or CR end a line; a final line ending adds no empty line. */
export function splitLines(code: string): string[] {
  if (code === "") return [];
  const lines = code.replace(/\r\n?/g, "\n").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export function diffLines(before: string, after: string): LineDiff {
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  // Compare numbers, not strings: equal lines get equal ids.
  const ids = new Map<string, number>();
  const intern = (line: string) => {
    let id = ids.get(line);
    if (id === undefined) {
      id = ids.size;
      ids.set(line, id);
    }
    return id;
  };
  const a = Int32Array.from(oldLines, intern);
  const b = Int32Array.from(newLines, intern);
  const removedFlags = new Uint8Array(a.length);
  const addedFlags = new Uint8Array(b.length);
  new MyersDiff(a, b, removedFlags, addedFlags).compare(0, a.length, 0, b.length);

  const lines: DiffLine[] = [];
  let added = 0;
  let removed = 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && removedFlags[i]) {
      lines.push({ kind: "removed", text: oldLines[i] ?? "", oldNumber: i + 1 });
      removed += 1;
      i += 1;
    } else if (j < b.length && addedFlags[j]) {
      lines.push({ kind: "added", text: newLines[j] ?? "", newNumber: j + 1 });
      added += 1;
      j += 1;
    } else {
      lines.push({ kind: "same", text: newLines[j] ?? "", oldNumber: i + 1, newNumber: j + 1 });
      i += 1;
      j += 1;
    }
  }
  return { lines, added, removed };
}

/** Marks which lines of `a` are removed and which of `b` are added. */
class MyersDiff {
  private readonly forward: Int32Array;
  private readonly backward: Int32Array;
  private readonly offset: number;

  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    private readonly removed: Uint8Array,
    private readonly added: Uint8Array,
  ) {
    // Diagonals run from -(N+M) to N+M, plus one on each side for k±1.
    this.offset = a.length + b.length + 1;
    this.forward = new Int32Array(2 * this.offset + 1);
    this.backward = new Int32Array(2 * this.offset + 1);
  }

  compare(aLow: number, aHigh: number, bLow: number, bHigh: number): void {
    const { a, b } = this;
    while (aLow < aHigh && bLow < bHigh && a[aLow] === b[bLow]) {
      aLow += 1;
      bLow += 1;
    }
    while (aLow < aHigh && bLow < bHigh && a[aHigh - 1] === b[bHigh - 1]) {
      aHigh -= 1;
      bHigh -= 1;
    }
    if (aLow === aHigh) {
      this.added.fill(1, bLow, bHigh);
      return;
    }
    if (bLow === bHigh) {
      this.removed.fill(1, aLow, aHigh);
      return;
    }
    const [x, y, u, v] = this.split(aLow, aHigh, bLow, bHigh);
    this.compare(aLow, aLow + x, bLow, bLow + y);
    this.compare(aLow + u, aHigh, bLow + v, bHigh);
  }

  /**
   * A point to split the problem at, as the snake (x, y) → (u, v) relative to
   * (aLow, bLow): Myers' middle snake, or past the cost limit the furthest
   * point the forward search reached. Both halves are smaller than the whole.
   */
  private split(aLow: number, aHigh: number, bLow: number, bHigh: number): [number, number, number, number] {
    const { a, b, forward, backward, offset } = this;
    const n = aHigh - aLow;
    const m = bHigh - bLow;
    const delta = n - m;
    const odd = (delta & 1) !== 0;
    // forward[k] is the furthest x on diagonal k = x - y from the start;
    // backward[k] the same for the reversed sequences, from the end.
    forward[offset + 1] = 0;
    backward[offset + 1] = 0;
    const rounds = Math.ceil((n + m) / 2);
    for (let d = 0; d <= rounds; d += 1) {
      for (let k = -d; k <= d; k += 2) {
        let x =
          k === -d || (k !== d && (forward[offset + k - 1] ?? 0) < (forward[offset + k + 1] ?? 0))
            ? (forward[offset + k + 1] ?? 0)
            : (forward[offset + k - 1] ?? 0) + 1;
        let y = x - k;
        const startX = x;
        const startY = y;
        while (x < n && y < m && a[aLow + x] === b[bLow + y]) {
          x += 1;
          y += 1;
        }
        forward[offset + k] = x;
        const mirrored = delta - k;
        if (odd && mirrored >= -(d - 1) && mirrored <= d - 1 && x + (backward[offset + mirrored] ?? 0) >= n) {
          return [startX, startY, x, y];
        }
      }
      for (let k = -d; k <= d; k += 2) {
        let x =
          k === -d || (k !== d && (backward[offset + k - 1] ?? 0) < (backward[offset + k + 1] ?? 0))
            ? (backward[offset + k + 1] ?? 0)
            : (backward[offset + k - 1] ?? 0) + 1;
        let y = x - k;
        const startX = x;
        const startY = y;
        while (x < n && y < m && a[aHigh - 1 - x] === b[bHigh - 1 - y]) {
          x += 1;
          y += 1;
        }
        backward[offset + k] = x;
        const mirrored = delta - k;
        if (!odd && mirrored >= -d && mirrored <= d && x + (forward[offset + mirrored] ?? 0) >= n) {
          return [n - x, m - y, n - startX, m - startY];
        }
      }
      if (d >= COST_LIMIT) return this.furthestForward(d, n, m);
    }
    // Unreachable: the searches meet by round ceil((N+M)/2).
    throw new Error("diffLines: the forward and backward searches did not meet");
  }

  /** The forward frontier's point nearest the end, as an empty snake; never a corner. */
  private furthestForward(d: number, n: number, m: number): [number, number, number, number] {
    let bestX = 0;
    let bestY = 0;
    for (let k = -d; k <= d; k += 2) {
      const x = Math.min(this.forward[this.offset + k] ?? 0, n);
      const y = x - k;
      if (y < 0 || y > m) continue;
      if (x + y > bestX + bestY && !(x === n && y === m)) {
        bestX = x;
        bestY = y;
      }
    }
    // Every frontier point may lie outside the grid; any inner point splits soundly.
    if (bestX + bestY === 0) [bestX, bestY] = [Math.floor(n / 2), Math.ceil(m / 2)];
    return [bestX, bestY, bestX, bestY];
  }
}
