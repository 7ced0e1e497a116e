/**
 * Random draws from the question bank, for mock interviews: distinct live
 * questions marked `interview`, spread over concepts (no concept twice
 * before every concept had a turn), reproducible from a seed so an
 * interview can be reviewed later with the same questions.
 */
import { prisma } from "../db/client";

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

export type DrawableQuestion = { id: string; concepts: string[]; difficulty: number };

/** Picks `count` questions: shuffled, then one per concept in turn. Pure, for testing. */
export function drawSpread(questions: DrawableQuestion[], count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const shuffled = [...questions];
  for (let index = shuffled.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
  }
  const chosen: string[] = [];
  const usedConcepts = new Set<string>();
  // First pass: questions that bring a concept not drawn yet; then anything left.
  for (const question of shuffled) {
    if (chosen.length >= count) break;
    if (question.concepts.some((concept) => !usedConcepts.has(concept))) {
      chosen.push(question.id);
      for (const concept of question.concepts) usedConcepts.add(concept);
    }
  }
  for (const question of shuffled) {
    if (chosen.length >= count) break;
    if (!chosen.includes(question.id)) chosen.push(question.id);
  }
  return chosen;
}

export async function drawInterviewQuestions(count: number, seed: number): Promise<string[]> {
  const live = await prisma.quizQuestion.findMany({
    where: { archivedAt: null },
    select: { id: true, concepts: true, difficulty: true, content: true },
    orderBy: { id: "asc" },
  });
  const interview = live.filter((question) => {
    const content = question.content;
    return typeof content === "object" && content !== null && "interview" in content && content.interview === true;
  });
  return drawSpread(interview, count, seed);
}
