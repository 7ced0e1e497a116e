import { describe, expect, it } from "vitest";
import { drawBalanced, evenQuotas, seededRandom, type Drawable } from "./draw-interview";

/** 90 entries: difficulties 1 to 3, each with every one of 6 concepts 5 times. */
const pool: Drawable[] = Array.from({ length: 90 }, (_, index) => ({
  id: `q${index}`,
  concepts: [`concept-${index % 6}`],
  difficulty: (Math.floor(index / 6) % 3) + 1,
}));
const byId = new Map(pool.map((entry) => [entry.id, entry]));
const entriesOf = (ids: string[], from = byId) => ids.map((id) => from.get(id)!);
const countBy = <T>(values: T[]) => values.reduce((counts, value) => counts.set(value, (counts.get(value) ?? 0) + 1), new Map<T, number>());

describe("seededRandom", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const sequence = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 20 }, () => random());
    };
    expect(sequence(42)).toEqual(sequence(42));
    expect(sequence(43)).not.toEqual(sequence(42));
    // The seed is read as an unsigned 32-bit integer.
    expect(sequence(-1)).toEqual(sequence(2 ** 32 - 1));
  });

  it("spreads over [0, 1)", () => {
    const random = seededRandom(1);
    const values = Array.from({ length: 1000 }, () => random());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.filter((value) => value < 0.5).length).toBeGreaterThan(400);
    expect(values.filter((value) => value < 0.5).length).toBeLessThan(600);
  });
});

describe("evenQuotas", () => {
  it("splits evenly, the middle groups taking the remainder first", () => {
    expect(evenQuotas([10, 10, 10], 9)).toEqual([3, 3, 3]);
    expect(evenQuotas([10, 10, 10], 8)).toEqual([3, 3, 2]);
    expect(evenQuotas([10, 10, 10], 7)).toEqual([2, 3, 2]);
    expect(evenQuotas([10, 10, 10, 10], 2)).toEqual([0, 1, 1, 0]);
    expect(evenQuotas([21, 69, 47], 15)).toEqual([5, 5, 5]);
  });

  it("gives what a small group cannot take to the others", () => {
    expect(evenQuotas([1, 10, 10], 9)).toEqual([1, 4, 4]);
    expect(evenQuotas([0, 10, 2], 8)).toEqual([0, 6, 2]);
  });

  it("never asks more than the groups hold", () => {
    expect(evenQuotas([2, 3], 10)).toEqual([2, 3]);
    expect(evenQuotas([5, 5], 0)).toEqual([0, 0]);
    expect(evenQuotas([], 4)).toEqual([]);
  });

  it("sums to the count and differs by at most one between groups that are not full", () => {
    for (const count of [1, 5, 8, 15, 31]) {
      const quotas = evenQuotas([4, 12, 30, 9], count);
      expect(quotas.reduce((sum, quota) => sum + quota, 0)).toBe(count);
      const open = quotas.filter((quota, index) => quota < [4, 12, 30, 9][index]!);
      for (const quota of open) expect(Math.max(...quotas) - quota).toBeLessThanOrEqual(1);
    }
  });
});

describe("drawBalanced", () => {
  it("draws distinct entries, the same for the same seed", () => {
    const first = drawBalanced(pool, 15, 42);
    expect(first).toHaveLength(15);
    expect(new Set(first).size).toBe(15);
    expect(drawBalanced(pool, 15, 42)).toEqual(first);
    const others = [43, 44, 45].map((seed) => drawBalanced(pool, 15, seed));
    expect(others.some((drawn) => drawn.join() !== first.join())).toBe(true);
  });

  it("gives each difficulty its even share, easiest first", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const count of [8, 15]) {
        const drawn = entriesOf(drawBalanced(pool, count, seed));
        const counts = countBy(drawn.map((entry) => entry.difficulty));
        expect([1, 2, 3].map((difficulty) => counts.get(difficulty) ?? 0)).toEqual(evenQuotas([30, 30, 30], count));
        const difficulties = drawn.map((entry) => entry.difficulty);
        expect(difficulties).toEqual([...difficulties].sort((a, b) => a - b));
      }
    }
  });

  it("takes no concept twice before every concept had a turn", () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const six = entriesOf(drawBalanced(pool, 6, seed));
      expect(new Set(six.map((entry) => entry.concepts[0])).size).toBe(6);
      const fifteen = countBy(entriesOf(drawBalanced(pool, 15, seed)).map((entry) => entry.concepts[0]));
      // 15 over 6 concepts: each concept 2 or 3 times, never 4 while another has 1.
      expect(fifteen.size).toBe(6);
      expect(Math.max(...fifteen.values())).toBeLessThanOrEqual(3);
    }
  });

  it("prefers an entry bringing any new concept among several", () => {
    const mixed: Drawable[] = [
      { id: "old-1", concepts: ["a"], difficulty: 1 },
      { id: "old-2", concepts: ["a"], difficulty: 1 },
      { id: "old-3", concepts: ["a"], difficulty: 1 },
      { id: "new", concepts: ["a", "b"], difficulty: 1 },
    ];
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      expect(drawBalanced(mixed, 2, seed)).toContain("new");
    }
  });

  it("spreads the concepts across difficulties too", () => {
    // Each difficulty holds the same two concepts: the second difficulty's pick must not repeat the first's.
    const twoConcepts: Drawable[] = Array.from({ length: 20 }, (_, index) => ({
      id: `e${index}`,
      concepts: [index % 2 === 0 ? "even" : "odd"],
      difficulty: index < 10 ? 1 : 2,
    }));
    const lookup = new Map(twoConcepts.map((entry) => [entry.id, entry]));
    for (const seed of [1, 2, 3, 4, 5]) {
      const drawn = entriesOf(drawBalanced(twoConcepts, 2, seed), lookup);
      expect(new Set(drawn.map((entry) => entry.concepts[0])).size).toBe(2);
      expect(new Set(drawn.map((entry) => entry.difficulty)).size).toBe(2);
    }
  });

  it("returns the whole pool when asked for more than it holds, and nothing from nothing", () => {
    expect(drawBalanced(pool.slice(0, 4), 10, 1).sort()).toEqual(["q0", "q1", "q2", "q3"]);
    expect(drawBalanced([], 8, 1)).toEqual([]);
    expect(drawBalanced(pool, 0, 1)).toEqual([]);
  });

  it("shuffles within a difficulty: the same seed always, but not always the first entries", () => {
    const firsts = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => drawBalanced(pool, 3, seed).join()));
    expect(firsts.size).toBeGreaterThan(1);
  });
});
