/**
 * The draw of a mock interview: questions from the live bank and coding
 * tasks from the course's exercises, within the level's difficulties,
 * balanced across difficulty (each difficulty its even share) and concept
 * (no concept twice before every concept had a turn), reproducible from a
 * seed. The questions come easiest first.
 */
import { prisma, type Database, type Transaction } from "../db/client";
import { shuffle } from "../quizzes/shuffle-options";
import { INTERVIEW_FORMATS, INTERVIEW_LEVELS, type TInterviewFormat, type TInterviewLevel } from "./formats";

/** A small deterministic generator (mulberry32): the same seed, the same draw. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export type Drawable = { id: string; concepts: string[]; difficulty: number };


/** `count` split as evenly as the groups allow: what a small group cannot take goes to the others. */
export function evenQuotas(sizes: number[], count: number): number[] {
  const quotas = sizes.map(() => 0);
  let left = Math.min(count, sizes.reduce((sum, size) => sum + size, 0));
  while (left > 0) {
    const open = sizes.flatMap((size, index) => (quotas[index]! < size ? [index] : []));
    // The middle groups take the remainder first: a draw leans on neither end.
    const middle = (sizes.length - 1) / 2;
    open.sort((a, b) => quotas[a]! - quotas[b]! || Math.abs(a - middle) - Math.abs(b - middle) || a - b);
    quotas[open[0]!]! += 1;
    left -= 1;
  }
  return quotas;
}

/**
 * Picks `count` distinct entries: each difficulty its even share, and
 * within that, entries bringing a concept drawn least so far first. Pure.
 */
export function drawBalanced(pool: Drawable[], count: number, seed: number): string[] {
  const next = seededRandom(seed);
  const random = (bound: number) => Math.floor(next() * bound);
  const difficulties = [...new Set(pool.map((entry) => entry.difficulty))].sort((a, b) => a - b);
  const groups = difficulties.map((difficulty) => shuffle(pool.filter((entry) => entry.difficulty === difficulty), random));
  const quotas = evenQuotas(groups.map((group) => group.length), count);
  const used = new Map<string, number>();
  // How often the entry's least drawn concept was drawn: 0 brings a new concept.
  const staleness = (entry: Drawable) => Math.min(...entry.concepts.map((concept) => used.get(concept) ?? 0));
  const chosen = groups.map(() => [] as Drawable[]);
  // One pick at a time round the groups, so the concept spread is shared between them.
  for (let round = 0; chosen.some((picked, index) => picked.length < quotas[index]!); round += 1) {
    groups.forEach((group, index) => {
      if (chosen[index]!.length >= quotas[index]!) return;
      // The first (in shuffled order) of the least drawn: once every concept had a turn, none has a third before all had a second.
      const pick = group.reduce((best, entry) => (staleness(entry) < staleness(best) ? entry : best), group[0]!);
      group.splice(group.indexOf(pick), 1);
      chosen[index]!.push(pick);
      for (const concept of pick.concepts) used.set(concept, (used.get(concept) ?? 0) + 1);
    });
  }
  return chosen.flat().map((entry) => entry.id);
}

const EXERCISE_DIFFICULTY = { beginner: 1, intermediate: 2, advanced: 3, interview: 4 } as const;

function contentField<T>(content: unknown, field: string, fallback: T): T {
  return typeof content === "object" && content !== null && field in content ? ((content as Record<string, unknown>)[field] as T) : fallback;
}

export async function drawInterview(
  format: TInterviewFormat,
  level: TInterviewLevel,
  seed: number,
  db: Database | Transaction = prisma,
): Promise<{ questionIds: string[]; taskItemIds: string[] }> {
  const { questions: questionCount, tasks: taskCount } = INTERVIEW_FORMATS[format];
  const { difficulties, exercises } = INTERVIEW_LEVELS[level];
  const [questions, items] = await Promise.all([
    db.quizQuestion.findMany({
      where: { archivedAt: null, difficulty: { in: [...difficulties] } },
      select: { id: true, concepts: true, difficulty: true },
      orderBy: { id: "asc" },
    }),
    db.courseItem.findMany({
      where: { kind: "EXERCISE", archivedAt: null, grading: { isNot: null } },
      select: { id: true, content: true },
      orderBy: { id: "asc" },
    }),
  ]);
  const tasks = items.flatMap((item) => {
    const difficulty = contentField<string>(item.content, "difficulty", "");
    if (!(exercises as readonly string[]).includes(difficulty)) return [];
    const rank = EXERCISE_DIFFICULTY[difficulty as keyof typeof EXERCISE_DIFFICULTY];
    return [{ id: item.id, concepts: contentField<string[]>(item.content, "concepts", []), difficulty: rank }];
  });
  return {
    questionIds: drawBalanced(questions, questionCount, seed),
    // Another stream of the same seed: the tasks do not shift when the bank grows.
    taskItemIds: drawBalanced(tasks, taskCount, seed ^ 0x5bd1e995),
  };
}
