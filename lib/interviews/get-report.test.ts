import { describe, expect, it } from "vitest";
import { conceptBreakdown } from "./get-report";
import { STRONG_SHARE } from "./formats";

describe("conceptBreakdown", () => {
  it("adds each item's points to every concept it has, weakest first", () => {
    const breakdown = conceptBreakdown([
      { concepts: ["await"], earned: 1, total: 1 },
      { concepts: ["await", "gather"], earned: 0, total: 1 },
      { concepts: ["gather"], earned: 2, total: 4 },
    ]);
    expect(breakdown).toEqual([
      { concept: "gather", earned: 2, total: 5, share: 0.4, strong: false, items: 2 },
      { concept: "await", earned: 1, total: 2, share: 0.5, strong: false, items: 2 },
    ]);
  });

  it(`calls a concept strong from ${STRONG_SHARE} of its points`, () => {
    expect(STRONG_SHARE).toBe(0.7);
    const [exactly] = conceptBreakdown([{ concepts: ["a"], earned: 7, total: 10 }]);
    expect(exactly).toMatchObject({ share: 0.7, strong: true });
    const [below] = conceptBreakdown([{ concepts: ["a"], earned: 6.9, total: 10 }]);
    expect(below).toMatchObject({ share: 0.69, strong: false });
    const [full] = conceptBreakdown([{ concepts: ["a"], earned: 4, total: 4 }]);
    expect(full).toMatchObject({ share: 1, strong: true });
  });

  it("counts a concept listed twice on one item once", () => {
    expect(conceptBreakdown([{ concepts: ["a", "a"], earned: 1, total: 1 }])).toEqual([
      { concept: "a", earned: 1, total: 1, share: 1, strong: true, items: 1 },
    ]);
  });

  it("orders equal shares by weight, then by name, and scores a concept worth nothing 0", () => {
    const breakdown = conceptBreakdown([
      { concepts: ["b"], earned: 0, total: 1 },
      { concepts: ["a"], earned: 0, total: 1 },
      { concepts: ["heavy"], earned: 0, total: 4 },
      { concepts: ["free"], earned: 0, total: 0 },
      { concepts: ["good"], earned: 1, total: 1 },
    ]);
    expect(breakdown.map((entry) => entry.concept)).toEqual(["heavy", "a", "b", "free", "good"]);
    expect(breakdown.find((entry) => entry.concept === "free")).toMatchObject({ share: 0, strong: false });
  });

  it("has nothing for items without concepts", () => {
    expect(conceptBreakdown([{ concepts: [], earned: 1, total: 1 }])).toEqual([]);
    expect(conceptBreakdown([])).toEqual([]);
  });
});
