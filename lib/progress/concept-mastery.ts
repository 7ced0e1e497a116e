/**
 * Mastery of a concept = (exercises solved + quizzes passed that carry the
 * concept's tag) / (exercises + quizzes that carry it). Lessons are left out:
 * reading about a concept shows nothing of mastering it. Every tagged item
 * weighs the same, whatever its difficulty, so the number stays one a
 * student can check by counting on the course map.
 */
import type { ItemKind } from "../generated/prisma/enums";
import type { ItemStatus } from "./item-status";

export type ConceptMastery = { concept: string; mastered: number; total: number; ratio: number };

/** Concepts in the order the course first tags them, so the list reads like the course. */
export function conceptMastery(items: { kind: ItemKind; concepts: string[]; status: ItemStatus }[]): ConceptMastery[] {
  const counts = new Map<string, { mastered: number; total: number }>();
  for (const item of items) {
    if (item.kind === "LESSON") continue;
    for (const concept of new Set(item.concepts)) {
      const count = counts.get(concept) ?? { mastered: 0, total: 0 };
      count.total += 1;
      if (item.status === "solved") count.mastered += 1;
      counts.set(concept, count);
    }
  }
  return [...counts].map(([concept, { mastered, total }]) => ({ concept, mastered, total, ratio: mastered / total }));
}
