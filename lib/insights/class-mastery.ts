/**
 * Class mastery of a concept = the mean over the class's students of each
 * student's mastery (lib/progress/concept-mastery.ts: the share of the
 * concept's exercises and quizzes they solved). As every item weighs the
 * same, that mean is (solved (student, item) pairs) / (students × items),
 * so it needs only each item's count of solvers, not one row per student.
 */
export type ConceptInsight = { concept: string; items: number; mastery: number | null };

export function classMastery(items: { concepts: string[]; solved: number }[], students: number): ConceptInsight[] {
  const counts = new Map<string, { items: number; solved: number }>();
  for (const item of items) {
    for (const concept of new Set(item.concepts)) {
      const count = counts.get(concept) ?? { items: 0, solved: 0 };
      count.items += 1;
      count.solved += item.solved;
      counts.set(concept, count);
    }
  }
  return [...counts].map(([concept, { items: total, solved }]) => ({
    concept,
    items: total,
    mastery: students === 0 ? null : solved / (students * total),
  }));
}
