import { describe, expect, it } from "vitest";
import { countChanges, progressFromGradings, standingGrading } from "./compare-gradings";

const done = (verdict: string, score: number) => ({ status: "DONE", verdict, score });

describe("standingGrading", () => {
  it("is the newest regrade, else the submission itself; a grader error never stands", () => {
    expect(standingGrading(done("PASSED", 1), [])).toEqual({ verdict: "PASSED", score: 1 });
    expect(standingGrading(done("PASSED", 1), [done("FAILED", 0.5), done("PASSED", 1)])).toEqual({ verdict: "FAILED", score: 0.5 });
    expect(standingGrading(done("PASSED", 1), [done("GRADER_ERROR", 0), { status: "QUEUED", verdict: null, score: null }])).toEqual({
      verdict: "PASSED",
      score: 1,
    });
    expect(standingGrading({ status: "QUEUED", verdict: null, score: null }, [])).toBeNull();
  });
});

describe("countChanges", () => {
  it("counts changes, their direction and verdict transitions; grader errors apart", () => {
    const counts = countChanges([
      { old: { verdict: "PASSED", score: 1 }, new: { verdict: "FAILED", score: 0.8 } },
      { old: { verdict: "PASSED", score: 1 }, new: { verdict: "FAILED", score: 0.8 } },
      { old: { verdict: "FAILED", score: 0.4 }, new: { verdict: "FAILED", score: 0.6 } },
      { old: { verdict: "SYNTAX_ERROR", score: 0 }, new: { verdict: "SYNTAX_ERROR", score: 0 } },
      { old: { verdict: "FAILED", score: 0 }, new: { verdict: "TIME_LIMIT", score: 0 } },
      { old: { verdict: "PASSED", score: 1 }, new: { verdict: "GRADER_ERROR", score: 0 } },
    ]);
    expect(counts).toEqual({
      unchanged: 1,
      changed: 4,
      improved: 1,
      worsened: 2,
      graderErrors: 1,
      transitions: { "PASSED→FAILED": 2, "FAILED→TIME_LIMIT": 1 },
    });
  });
});

describe("progressFromGradings", () => {
  it("takes the best standing score and the first submission that passes now", () => {
    const early = new Date("2026-01-01T10:00:00Z");
    const late = new Date("2026-01-02T10:00:00Z");
    expect(
      progressFromGradings([
        { original: { ...done("PASSED", 1), submittedAt: early }, regradesNewestFirst: [done("FAILED", 0.7)] },
        { original: { ...done("FAILED", 0.5), submittedAt: late }, regradesNewestFirst: [done("PASSED", 1)] },
      ]),
    ).toEqual({ bestScore: 1, solvedAt: late });
    expect(
      progressFromGradings([{ original: { ...done("PASSED", 1), submittedAt: early }, regradesNewestFirst: [done("FAILED", 0.7)] }]),
    ).toEqual({ bestScore: 0.7, solvedAt: null });
  });
});
