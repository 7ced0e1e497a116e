import { describe, expect, it } from "vitest";
import { attemptsUntilHint, hintsUnlocked, referenceUnlocked } from "./hint-unlocks";

describe("hint unlocks", () => {
  it("opens the first hint at once and one more per attempt, never more than there are", () => {
    expect([0, 1, 2, 3, 9].map((attempts) => hintsUnlocked(3, attempts))).toEqual([1, 2, 3, 3, 3]);
    expect(hintsUnlocked(0, 5)).toBe(0);
  });

  it("says how many attempts a locked hint still needs", () => {
    expect([0, 1, 2].map((index) => attemptsUntilHint(index, 0))).toEqual([0, 1, 2]);
    expect(attemptsUntilHint(2, 1)).toBe(1);
    expect(attemptsUntilHint(1, 4)).toBe(0);
  });

  it("offers the reference once solved or after the course's number of attempts", () => {
    expect(referenceUnlocked({ attempts: 0, solved: false }, 5)).toBe(false);
    expect(referenceUnlocked({ attempts: 4, solved: false }, 5)).toBe(false);
    expect(referenceUnlocked({ attempts: 5, solved: false }, 5)).toBe(true);
    expect(referenceUnlocked({ attempts: 1, solved: true }, 5)).toBe(true);
  });
});
