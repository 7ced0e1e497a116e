import { describe, expect, it } from "vitest";
import { diffLines, splitLines, type DiffLine } from "./diff-lines";

/** The diff written as one compact string per line: " a", "-b", "+c". */
function compact(lines: DiffLine[]): string[] {
  return lines.map((line) => `${line.kind === "same" ? " " : line.kind === "added" ? "+" : "-"}${line.text}`);
}

/** Both sides rebuilt from the diff: it must say exactly what each side was. */
function sides(lines: DiffLine[]): { before: string[]; after: string[] } {
  return {
    before: lines.filter((line) => line.kind !== "added").map((line) => line.text),
    after: lines.filter((line) => line.kind !== "removed").map((line) => line.text),
  };
}

/** The fewest insertions plus deletions, by the textbook O(NM) table. */
function shortestEditLength(before: string[], after: string[]): number {
  const row = new Array<number>(after.length + 1).fill(0);
  for (const line of before) {
    let diagonal = 0;
    for (let j = 1; j <= after.length; j += 1) {
      const above = row[j] ?? 0;
      row[j] = line === after[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] ?? 0);
      diagonal = above;
    }
  }
  return before.length + after.length - 2 * (row[after.length] ?? 0);
}

/** A small deterministic generator, so a failure names its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("splitLines", () => {
  it("treats CRLF and CR as LF, and a final line ending adds no empty line", () => {
    expect(splitLines("")).toEqual([]);
    expect(splitLines("\n")).toEqual([""]);
    expect(splitLines("a")).toEqual(["a"]);
    expect(splitLines("a\n")).toEqual(["a"]);
    expect(splitLines("a\n\n")).toEqual(["a", ""]);
    expect(splitLines("a\r\nb\rc\n")).toEqual(["a", "b", "c"]);
  });
});

describe("diffLines", () => {
  it("finds nothing to change between equal programs, numbering both sides", () => {
    const diff = diffLines("import asyncio\n\nasyncio.run(main())\n", "import asyncio\n\nasyncio.run(main())\n");
    expect(diff.added).toBe(0);
    expect(diff.removed).toBe(0);
    expect(diff.lines).toEqual([
      { kind: "same", text: "import asyncio", oldNumber: 1, newNumber: 1 },
      { kind: "same", text: "", oldNumber: 2, newNumber: 2 },
      { kind: "same", text: "asyncio.run(main())", oldNumber: 3, newNumber: 3 },
    ]);
  });

  it("shows an inserted line with its number on the new side only", () => {
    const diff = diffLines("a\nc\n", "a\nb\nc\n");
    expect(compact(diff.lines)).toEqual([" a", "+b", " c"]);
    expect(diff.lines[1]).toEqual({ kind: "added", text: "b", newNumber: 2 });
    expect(diff.lines[2]).toEqual({ kind: "same", text: "c", oldNumber: 2, newNumber: 3 });
    expect([diff.added, diff.removed]).toEqual([1, 0]);
  });

  it("shows a deleted line with its number on the old side only", () => {
    const diff = diffLines("a\nb\nc", "a\nc");
    expect(compact(diff.lines)).toEqual([" a", "-b", " c"]);
    expect(diff.lines[1]).toEqual({ kind: "removed", text: "b", oldNumber: 2 });
    expect(diff.lines[2]).toEqual({ kind: "same", text: "c", oldNumber: 3, newNumber: 2 });
    expect([diff.added, diff.removed]).toEqual([0, 1]);
  });

  it("shows a replaced stretch as its removed lines, then its added ones", () => {
    const before = "async def main():\n    a = await f()\n    b = await g()\n    print(a, b)\n";
    const after = "async def main():\n    a, b = await asyncio.gather(f(), g())\n    print(a, b)\n";
    expect(compact(diffLines(before, after).lines)).toEqual([
      " async def main():",
      "-    a = await f()",
      "-    b = await g()",
      "+    a, b = await asyncio.gather(f(), g())",
      "     print(a, b)",
    ]);
  });

  it("handles an empty side: everything added, or everything removed", () => {
    expect(compact(diffLines("", "x\ny\n").lines)).toEqual(["+x", "+y"]);
    expect(compact(diffLines("x\ny\n", "").lines)).toEqual(["-x", "-y"]);
    expect(diffLines("", "")).toEqual({ lines: [], added: 0, removed: 0 });
  });

  it("does not count a missing final newline or CRLF line endings as changes", () => {
    expect(diffLines("a\nb\n", "a\nb")).toMatchObject({ added: 0, removed: 0 });
    expect(diffLines("a\r\nb\r\n", "a\nb\n")).toMatchObject({ added: 0, removed: 0 });
    // An extra empty line at the end is a change, though.
    expect(compact(diffLines("a\n", "a\n\n").lines)).toEqual([" a", "+"]);
  });

  it("keeps repeated lines apart (blank lines, `pass`) and matches the right ones", () => {
    const diff = diffLines("pass\n\npass\n\npass\n", "pass\n\npass\n");
    expect(sides(diff.lines)).toEqual({ before: ["pass", "", "pass", "", "pass"], after: ["pass", "", "pass"] });
    expect([diff.added, diff.removed]).toEqual([0, 2]);
  });

  it("always rebuilds both sides and finds a shortest edit script (500 random pairs)", () => {
    for (let seed = 1; seed <= 500; seed += 1) {
      const next = random(seed);
      const pick = () => ["a", "b", "c", "d", ""][Math.floor(next() * 5)] ?? "";
      const before = Array.from({ length: Math.floor(next() * 30) }, pick);
      const after = Array.from({ length: Math.floor(next() * 30) }, pick);
      const diff = diffLines(before.map((line) => `${line}\n`).join(""), after.map((line) => `${line}\n`).join(""));
      expect(sides(diff.lines), `seed ${seed}`).toEqual({ before, after });
      expect(diff.added + diff.removed, `seed ${seed}`).toBe(shortestEditLength(before, after));
      expect(diff.added, `seed ${seed}`).toBe(diff.lines.filter((line) => line.kind === "added").length);
    }
  });

  it("diffs two unlike 64 KiB programs quickly and correctly", () => {
    // Worst cases for Myers: nearly nothing in common, and two-letter lines
    // in random order (a huge number of equally short paths).
    const next = random(42);
    const unrelatedBefore = Array.from({ length: 4000 }, (_, i) => `line_${i} = await fetch(${i})`).join("\n");
    const unrelatedAfter = Array.from({ length: 4000 }, (_, i) => `other_${i} = compute(${i})`).join("\n");
    const shuffledBefore = Array.from({ length: 32_000 }, () => (next() < 0.5 ? "a" : "b")).join("\n");
    const shuffledAfter = Array.from({ length: 32_000 }, () => (next() < 0.5 ? "a" : "b")).join("\n");
    for (const [before, after] of [
      [unrelatedBefore, unrelatedAfter],
      [shuffledBefore, shuffledAfter],
    ] as const) {
      expect(before.length).toBeGreaterThan(60_000);
      const started = performance.now();
      const diff = diffLines(before, after);
      const elapsed = performance.now() - started;
      expect(sides(diff.lines)).toEqual({ before: splitLines(before), after: splitLines(after) });
      // Milliseconds on any machine; the bound only catches a quadratic blow-up.
      expect(elapsed).toBeLessThan(5_000);
    }
  });
});
