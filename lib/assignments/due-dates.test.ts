import { describe, expect, it } from "vitest";
import { earliestDue, effectiveDueAt, hoursLate, isLate, penalisedScore, penaltyPercent, ZLatePenalty } from "./due-dates";

const due = new Date("2026-12-10T12:00:00Z");
const at = (hours: number) => new Date(due.getTime() + hours * 3_600_000);

describe("due dates", () => {
  it("uses a student's extension instead of the assignment's date", () => {
    const extension = new Date("2026-12-12T12:00:00Z");
    expect(effectiveDueAt(due, extension)).toEqual({ dueAt: extension, extended: true });
    expect(effectiveDueAt(due, null)).toEqual({ dueAt: due, extended: false });
    expect(effectiveDueAt(due, new Date("2026-12-09T12:00:00Z"))).toEqual({ dueAt: due, extended: false });
  });

  it("marks work late only after the due instant", () => {
    expect(isLate(due, due)).toBe(false);
    expect(isLate(at(0.001), due)).toBe(true);
    expect(hoursLate(at(-5), due)).toBe(0);
    expect(hoursLate(at(30), due)).toBe(30);
  });

  it("applies the last penalty step passed", () => {
    const schedule = [
      { afterHours: 0, percent: 10 },
      { afterHours: 24, percent: 30 },
      { afterHours: 72, percent: 100 },
    ];
    expect(penaltyPercent(at(-1), due, schedule)).toBe(0);
    expect(penaltyPercent(at(1), due, schedule)).toBe(10);
    expect(penaltyPercent(at(24), due, schedule)).toBe(10);
    expect(penaltyPercent(at(25), due, schedule)).toBe(30);
    expect(penaltyPercent(at(100), due, schedule)).toBe(100);
    expect(penalisedScore(0.8, at(25), due, schedule)).toBeCloseTo(0.56);
    expect(penaltyPercent(at(5), due, [])).toBe(0);
  });

  it("refuses a schedule out of order and picks the earliest due date", () => {
    expect(ZLatePenalty.safeParse([{ afterHours: 24, percent: 10 }, { afterHours: 0, percent: 5 }]).success).toBe(false);
    const first = { assignmentId: "a", dueAt: due, extended: false, latePenalty: [] };
    const later = { assignmentId: "b", dueAt: at(5), extended: false, latePenalty: [] };
    expect(earliestDue([later, first])?.assignmentId).toBe("a");
    expect(earliestDue([])).toBeNull();
  });
});
