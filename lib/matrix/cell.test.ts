import { describe, expect, it } from "vitest";
import { buildCell, lateness, type CellWork } from "./cell";
import { sortRows, type MatrixRow } from "./get-progress-matrix";
import { readMatrixFilters } from "./schemas";
import { describeAnswer } from "./describe-answer";
import type { DueDate } from "../assignments/due-dates";
import type { ClassItem } from "../classes/class-course-items";
import type { TQuestion } from "../content/schemas";

const at = (iso: string) => new Date(iso);
const due: DueDate = { assignmentId: "a", dueAt: at("2026-12-05T00:00:00Z"), extended: false, latePenalty: [] };
const NOW = at("2026-12-10T00:00:00Z");
const exercise = (progress: CellWork["progress"], submissions: CellWork["submissions"] = null): CellWork => ({ kind: "EXERCISE", progress, quiz: null, submissions });

describe("buildCell", () => {
  it("counts the first passed submission as the solve time and judges lateness by it", () => {
    const cell = buildCell(
      exercise(
        { bestScore: 1, attempts: 2, solvedAt: at("2026-12-06T00:00:00Z"), lastAttemptAt: at("2026-12-06T00:00:00Z"), hintsRevealed: 0 },
        { firstAt: at("2026-12-03T00:00:00Z"), lastAt: at("2026-12-06T00:00:00Z"), firstPassedAt: at("2026-12-04T00:00:00Z") },
      ),
      due,
      NOW,
    );
    expect(cell).toMatchObject({ status: "solved", bestScore: 1, attempts: 2, lateness: "on-time", firstSolvedAt: at("2026-12-04T00:00:00Z") });
  });

  it("is struggling when attempted, not solved, with 3 attempts or 2 hints", () => {
    const progress = (attempts: number, hintsRevealed: number) => ({ bestScore: 0.5, attempts, solvedAt: null, lastAttemptAt: null, hintsRevealed });
    expect(buildCell(exercise(progress(2, 1)), null, NOW).struggling).toBe(false);
    expect(buildCell(exercise(progress(3, 0)), null, NOW).struggling).toBe(true);
    expect(buildCell(exercise(progress(1, 2)), null, NOW).struggling).toBe(true);
    expect(buildCell(exercise(null), null, NOW)).toMatchObject({ status: "not-started", struggling: false, lateness: null });
  });

  it("passes a quiz at the pass score and takes the first passing attempt's time", () => {
    const cell = buildCell(
      { kind: "QUIZ", progress: null, submissions: null, quiz: { bestScore: 0.8, submitted: 2, lastAt: at("2026-12-07T00:00:00Z"), firstAt: at("2026-12-01T00:00:00Z"), firstPassedAt: at("2026-12-06T00:00:00Z") } },
      due,
      NOW,
    );
    expect(cell).toMatchObject({ status: "solved", attempts: 2, lateness: "late" });
  });
});

describe("lateness", () => {
  it("is missing only once the due date has passed", () => {
    expect(lateness("attempted", null, due, at("2026-12-04T00:00:00Z"))).toBe("on-time");
    expect(lateness("not-started", null, due, NOW)).toBe("missing");
    expect(lateness("solved", at("2026-12-05T00:00:01Z"), due, NOW)).toBe("late");
    expect(lateness("solved", at("2026-12-05T00:00:00Z"), due, NOW)).toBe("on-time");
  });
});

describe("sortRows", () => {
  const student = (name: string) => ({ id: name, email: `${name}@x`, name, joinedAt: NOW });
  const cell = (bestScore: number | null) => buildCell(exercise(bestScore === null ? null : { bestScore, attempts: 1, solvedAt: null, lastAttemptAt: null, hintsRevealed: 0 }), null, NOW);
  const rows: MatrixRow[] = [
    { student: student("Bo"), cells: [cell(0.5)], solved: 0, averageScore: 0.5 },
    { student: student("Ana"), cells: [cell(null)], solved: 0, averageScore: 0 },
    { student: student("Cy"), cells: [cell(0.9)], solved: 0, averageScore: 0.9 },
  ];
  const items = [{ id: "i" } as ClassItem];
  const names = (sorted: MatrixRow[]) => sorted.map((row) => row.student.name);
  it("sorts by name, an item's score (nothing scored last), total", () => {
    expect(names(sortRows(rows, items, {}))).toEqual(["Ana", "Bo", "Cy"]);
    expect(names(sortRows(rows, items, { sort: "item", item: "i" }))).toEqual(["Cy", "Bo", "Ana"]);
    expect(names(sortRows(rows, items, { sort: "total", dir: "asc" }))).toEqual(["Ana", "Bo", "Cy"]);
    expect(names(sortRows(rows, items, { sort: "item", item: "unknown" }))).toEqual(["Ana", "Bo", "Cy"]);
  });
});

describe("readMatrixFilters", () => {
  it("keeps the valid filters and drops the rest", () => {
    expect(readMatrixFilters({ assignment: "nope", chapter: "basics", view: "struggling", sort: "sideways", dir: "" })).toEqual({ chapter: "basics", view: "struggling" });
  });
});

describe("describeAnswer", () => {
  it("names a choice by its letter and text", () => {
    const question = { kind: "single_choice", options: [{ id: "a", text: { "zh-CN": "并发", en: "concurrent" } }] } as unknown as TQuestion;
    expect(describeAnswer(question, { kind: "single_choice", option: "a" })).toEqual({ "zh-CN": "A. 并发", en: "A. concurrent" });
    expect(describeAnswer(question, { kind: "predict_duration", seconds: 0.5 })).toEqual({ "zh-CN": "0.5 s", en: "0.5 s" });
  });
});
