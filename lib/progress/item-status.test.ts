import { describe, expect, it } from "vitest";
import { continuePoint, itemProgress, QUIZ_PASS_SCORE, type ItemStatus, type ItemWork } from "./item-status";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 10, minute));
const none: Omit<ItemWork, "kind"> = { progress: null, quiz: null, draftAt: null };

describe("itemProgress", () => {
  it("an exercise: not started, attempted with its best score, solved once one submission passed", () => {
    expect(itemProgress({ kind: "EXERCISE", ...none })).toEqual({ status: "not-started", bestScore: null, attempts: 0, touchedAt: null });
    const failing = { bestScore: 0.5, attempts: 2, solvedAt: null, lastAttemptAt: at(5) };
    expect(itemProgress({ kind: "EXERCISE", ...none, progress: failing })).toEqual({ status: "attempted", bestScore: 0.5, attempts: 2, touchedAt: at(5) });
    expect(itemProgress({ kind: "EXERCISE", ...none, progress: { ...failing, bestScore: 1, solvedAt: at(5) } }).status).toBe("solved");
  });

  it("an exercise's draft is a visit (for continuing) but not an attempt", () => {
    const drafted = itemProgress({ kind: "EXERCISE", ...none, draftAt: at(9) });
    expect(drafted).toEqual({ status: "not-started", bestScore: null, attempts: 0, touchedAt: at(9) });
    const both = itemProgress({ kind: "EXERCISE", ...none, progress: { bestScore: 0, attempts: 1, solvedAt: null, lastAttemptAt: at(5) }, draftAt: at(9) });
    expect(both.touchedAt).toEqual(at(9));
  });

  it(`a quiz: attempted once submitted, solved from a best score of ${QUIZ_PASS_SCORE}`, () => {
    expect(itemProgress({ kind: "QUIZ", ...none, quiz: { bestScore: null, submitted: 0, lastAt: at(1) } })).toEqual({
      status: "not-started",
      bestScore: null,
      attempts: 0,
      touchedAt: at(1),
    });
    expect(itemProgress({ kind: "QUIZ", ...none, quiz: { bestScore: 0.79, submitted: 2, lastAt: at(2) } }).status).toBe("attempted");
    expect(itemProgress({ kind: "QUIZ", ...none, quiz: { bestScore: QUIZ_PASS_SCORE, submitted: 3, lastAt: at(3) } })).toEqual({
      status: "solved",
      bestScore: QUIZ_PASS_SCORE,
      attempts: 3,
      touchedAt: at(3),
    });
  });

  it("a lesson is read or not, and has no score", () => {
    expect(itemProgress({ kind: "LESSON", ...none }).status).toBe("not-started");
    const read = itemProgress({ kind: "LESSON", ...none, progress: { bestScore: 1, attempts: 0, solvedAt: at(1), lastAttemptAt: at(4) } });
    expect(read).toEqual({ status: "solved", bestScore: null, attempts: 0, touchedAt: at(4) });
  });
});

describe("continuePoint", () => {
  const item = (name: string, status: ItemStatus, touched?: number) => ({ name, status, touchedAt: touched === undefined ? null : at(touched) });

  it("starts at the first item when nothing was touched", () => {
    const items = [item("a", "not-started"), item("b", "not-started")];
    expect(continuePoint(items)).toEqual({ item: items[0], reason: "start", after: null });
  });

  it("resumes the item touched last when it is not solved", () => {
    const items = [item("a", "solved", 1), item("b", "attempted", 7), item("c", "solved", 5), item("d", "not-started")];
    expect(continuePoint(items)).toMatchObject({ item: { name: "b" }, reason: "resume" });
  });

  it("goes on to the first unsolved item after the one solved last, skipping solved ones", () => {
    const items = [item("a", "attempted", 1), item("b", "solved", 9), item("c", "solved", 2), item("d", "not-started"), item("e", "not-started")];
    expect(continuePoint(items)).toEqual({ item: items[3], reason: "next", after: items[1] });
  });

  it("wraps round to an unsolved item before it when the rest of the course is done", () => {
    const items = [item("a", "attempted", 1), item("b", "solved", 3), item("c", "solved", 9)];
    expect(continuePoint(items)).toEqual({ item: items[0], reason: "next", after: items[2] });
  });

  it("has nowhere to go when everything is solved", () => {
    expect(continuePoint([item("a", "solved", 1), item("b", "solved", 2)])).toBeNull();
    expect(continuePoint([])).toBeNull();
  });
});
