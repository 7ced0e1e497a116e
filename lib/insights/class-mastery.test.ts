import { describe, expect, it } from "vitest";
import { conceptMastery } from "../progress/concept-mastery";
import { classMastery } from "./class-mastery";

describe("classMastery", () => {
  it("is the mean of the students' own mastery", () => {
    // Two students: A solved both gather items, B one of them.
    const items = [
      { concepts: ["gather", "await"], solved: 2 },
      { concepts: ["gather"], solved: 1 },
    ];
    const perStudent = [
      conceptMastery([
        { kind: "EXERCISE", concepts: ["gather", "await"], status: "solved" },
        { kind: "EXERCISE", concepts: ["gather"], status: "solved" },
      ]),
      conceptMastery([
        { kind: "EXERCISE", concepts: ["gather", "await"], status: "solved" },
        { kind: "EXERCISE", concepts: ["gather"], status: "attempted" },
      ]),
    ];
    const mean = (concept: string) => perStudent.reduce((sum, list) => sum + list.find((entry) => entry.concept === concept)!.ratio, 0) / 2;
    const result = classMastery(items, 2);
    expect(result).toEqual([
      { concept: "gather", items: 2, mastery: mean("gather") },
      { concept: "await", items: 1, mastery: mean("await") },
    ]);
    expect(result[0]!.mastery).toBe(0.75);
  });

  it("has no mastery without students", () => {
    expect(classMastery([{ concepts: ["gather"], solved: 0 }], 0)).toEqual([{ concept: "gather", items: 1, mastery: null }]);
  });
});
