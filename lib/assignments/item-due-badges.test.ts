import { describe, expect, it } from "vitest";
import { NO_WORK, standOnItem } from "./assignment-work";
import { itemDueBadges } from "./item-due-badges";
import type { MyAssignment } from "./list-my-assignments";

const due = new Date("2026-12-10T12:00:00Z");
const later = new Date("2026-12-12T12:00:00Z");
const standing = (state: "done" | "late" | "none") =>
  state === "none" ? standOnItem(NO_WORK, due, []) : standOnItem({ solvedAt: state === "late" ? later : due, attempts: 1, scores: [] }, due, []);
const assignment = (id: string, phase: MyAssignment["phase"], dueAt: Date, items: [string, "done" | "late" | "none"][]): MyAssignment => ({
  id,
  title: id,
  className: "A",
  opensAt: new Date("2026-12-01T00:00:00Z"),
  dueAt,
  assignmentDueAt: dueAt,
  extended: false,
  latePenalty: [],
  phase,
  items: items.map(([itemId, state]) => ({ id: itemId, kind: "EXERCISE", slug: itemId, href: `/exercises/${itemId}`, title: { "zh-CN": itemId, en: itemId }, standing: standing(state) })),
  standing: { state: "inProgress", done: 0, late: 0, total: items.length, score: 0, rawScore: 0 },
});

describe("item due badges", () => {
  it("marks late, overdue and the earliest due date, nothing for work done on time", () => {
    const badges = itemDueBadges({
      open: [assignment("a", "open", later, [["x", "none"], ["y", "done"]]), assignment("b", "open", due, [["x", "none"]])],
      upcoming: [assignment("c", "upcoming", later, [["z", "none"]])],
      past: [assignment("d", "past", due, [["w", "none"], ["v", "late"]])],
    });
    expect(badges.get("x")).toEqual({ state: "due", dueAt: due });
    expect(badges.has("y")).toBe(false);
    expect(badges.has("z")).toBe(false);
    expect(badges.get("w")?.state).toBe("overdue");
    expect(badges.get("v")?.state).toBe("late");
  });
});
