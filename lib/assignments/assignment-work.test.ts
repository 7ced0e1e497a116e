import { describe, expect, it } from "vitest";
import { NO_WORK, phaseOf, standOnAssignment, standOnItem } from "./assignment-work";

const due = new Date("2026-12-10T12:00:00Z");
const at = (hours: number) => new Date(due.getTime() + hours * 3_600_000);
const schedule = [
  { afterHours: 0, percent: 10 },
  { afterHours: 24, percent: 50 },
];

describe("assignment work", () => {
  it("marks an item done, late by how much, or only started", () => {
    expect(standOnItem({ solvedAt: at(-1), attempts: 1, scores: [{ at: at(-1), score: 1 }] }, due, schedule)).toMatchObject({ state: "done", hoursLate: 0, penalisedScore: 1 });
    expect(standOnItem({ solvedAt: at(30), attempts: 2, scores: [{ at: at(30), score: 1 }] }, due, schedule)).toMatchObject({ state: "late", hoursLate: 30, bestScore: 1, penalisedScore: 0.5, penaltyPercent: 50 });
    expect(standOnItem({ solvedAt: null, attempts: 1, scores: [{ at: at(-2), score: 0.4 }] }, due, schedule).state).toBe("started");
    expect(standOnItem(NO_WORK, due, schedule)).toMatchObject({ state: "notStarted", bestScore: null, penalisedScore: null });
  });

  it("keeps the best score after each attempt's own penalty", () => {
    const standing = standOnItem({ solvedAt: at(2), attempts: 2, scores: [{ at: at(-1), score: 0.8 }, { at: at(2), score: 1 }] }, due, schedule);
    expect(standing.penalisedScore).toBeCloseTo(0.9);
    expect(standing.penaltyPercent).toBe(10);
  });

  it("sums a student's assignment", () => {
    const done = standOnItem({ solvedAt: at(-1), attempts: 1, scores: [{ at: at(-1), score: 1 }] }, due, []);
    const late = standOnItem({ solvedAt: at(1), attempts: 1, scores: [{ at: at(1), score: 1 }] }, due, schedule);
    const none = standOnItem(NO_WORK, due, []);
    expect(standOnAssignment([done, done], due, at(5)).state).toBe("done");
    expect(standOnAssignment([done, late], due, at(5))).toMatchObject({ state: "late", done: 2, late: 1 });
    expect(standOnAssignment([done, none], due, at(5))).toMatchObject({ state: "overdue", score: 0.5 });
    expect(standOnAssignment([done, none], due, at(-5)).state).toBe("inProgress");
    expect(standOnAssignment([none, none], due, at(-5)).state).toBe("notStarted");
  });

  it("puts an assignment upcoming, open or past", () => {
    expect(phaseOf(at(-10), due, at(-20))).toBe("upcoming");
    expect(phaseOf(at(-10), due, at(0))).toBe("open");
    expect(phaseOf(at(-10), due, at(1))).toBe("past");
  });
});
