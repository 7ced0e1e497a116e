import { describe, expect, it } from "vitest";
import { conceptMastery } from "./concept-mastery";

describe("conceptMastery", () => {
  it("is solved exercises and passed quizzes over all exercises and quizzes with the tag, lessons left out, in course order", () => {
    const mastery = conceptMastery([
      { kind: "LESSON", concepts: ["gather", "await"], status: "solved" },
      { kind: "EXERCISE", concepts: ["gather", "create-task"], status: "solved" },
      { kind: "EXERCISE", concepts: ["gather"], status: "attempted" },
      { kind: "QUIZ", concepts: ["gather", "await", "await"], status: "solved" },
      { kind: "EXERCISE", concepts: ["create-task"], status: "not-started" },
    ]);
    expect(mastery).toEqual([
      { concept: "gather", mastered: 2, total: 3, ratio: 2 / 3 },
      { concept: "create-task", mastered: 1, total: 2, ratio: 0.5 },
      { concept: "await", mastered: 1, total: 1, ratio: 1 },
    ]);
  });

  it("lists no concept that only lessons carry", () => {
    expect(conceptMastery([{ kind: "LESSON", concepts: ["event-loop"], status: "not-started" }])).toEqual([]);
  });
});
