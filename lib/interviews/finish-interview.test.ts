import { describe, expect, it } from "vitest";
import { countsForScore, interviewScore } from "./finish-interview";
import { QUESTION_POINTS, TASK_POINTS } from "./formats";

describe("interviewScore", () => {
  it("weighs a question 1 point and a coding task 4", () => {
    expect([QUESTION_POINTS, TASK_POINTS]).toEqual([1, 4]);
    // 8 questions right, the task failed: 8 of 12 points.
    expect(interviewScore(Array.from({ length: 8 }, () => 1), [0])).toBe(0.666667);
    // No question right, the task passed: 4 of 12.
    expect(interviewScore(Array.from({ length: 8 }, () => 0), [1])).toBe(0.333333);
    // Partial scores count their share: (1 + 0.5 + 4 × 0.5) / (3 + 4).
    expect(interviewScore([1, 0.5, 0], [0.5])).toBe(0.5);
    expect(interviewScore([1, 1], [1, 1])).toBe(1);
  });

  it("is 0 for an interview with nothing in it, and works with only one kind", () => {
    expect(interviewScore([], [])).toBe(0);
    expect(interviewScore([], [0.25])).toBe(0.25);
    expect(interviewScore([1, 0], [])).toBe(0.5);
  });

  it("keeps six decimals", () => {
    expect(interviewScore([1, 0, 0], [])).toBe(0.333333);
  });
});

describe("countsForScore", () => {
  it("leaves out a task the grader failed on, and counts every other, handed in or not", () => {
    expect(countsForScore({ verdict: "GRADER_ERROR" })).toBe(false);
    expect(countsForScore({ verdict: "FAILED" })).toBe(true);
    expect(countsForScore({ verdict: "PASSED" })).toBe(true);
    expect(countsForScore({ verdict: null })).toBe(true);
    expect(countsForScore(null)).toBe(true);
  });
});
