/**
 * The order an attempt shows each question's options (or ordering items) in,
 * drawn on the server with a cryptographic random for every attempt, so a
 * retry is reshuffled and nothing about the order follows from the key (the
 * bank's authors tend to write the right option first, as "a").
 */
import { randomInt } from "node:crypto";
import type { TQuestion } from "../content/schemas";
import type { TOptionOrder } from "./schemas";

/** An integer in [0, bound). */
export type RandomInt = (bound: number) => number;
export const secureRandomInt: RandomInt = (bound) => randomInt(bound);

/** Fisher–Yates. */
export function shuffle<T>(values: readonly T[], random: RandomInt): T[] {
  const result = [...values];
  for (let index = result.length - 1; index > 0; index -= 1) {
    const other = random(index + 1);
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

/** The bank ids a question lists, in the author's order; null for kinds with nothing to shuffle. */
export function authoredIds(question: TQuestion): string[] | null {
  switch (question.kind) {
    case "single_choice":
    case "multiple_choice":
      return question.options.map((option) => option.id);
    case "predict_output":
      return question.options ? question.options.map((option) => option.id) : null;
    case "ordering":
      return question.items.map((item) => item.id);
    default:
      return null;
  }
}

const sameOrder = (left: string[], right: string[]) => left.length === right.length && left.every((id, index) => id === right[index]);

/**
 * A fresh shown order for one question. An ordering question is never shown
 * already solved when it has three items or more, or "Check" without
 * touching it would score; with two items that rule would show the key
 * reversed every time, so there the order stays a plain draw.
 */
export function shuffleQuestion(question: TQuestion, random: RandomInt = secureRandomInt): string[] | null {
  const ids = authoredIds(question);
  if (!ids) return null;
  if (question.kind !== "ordering" || ids.length < 3) return shuffle(ids, random);
  for (;;) {
    const order = shuffle(ids, random);
    if (!sameOrder(order, question.answer)) return order;
  }
}

export function drawOptionOrder(questions: TQuestion[], random: RandomInt = secureRandomInt): TOptionOrder {
  const order: TOptionOrder = {};
  for (const question of questions) {
    const shown = shuffleQuestion(question, random);
    if (shown) order[question.id] = shown;
  }
  return order;
}

/**
 * The order one question of an attempt is shown in. When the bank changed
 * since the attempt began (an option added or removed), the ids still there
 * keep their places and new ones follow, so the attempt stays answerable.
 */
export function shownOrderOf(question: TQuestion, optionOrder: TOptionOrder): string[] | null {
  const ids = authoredIds(question);
  if (!ids) return null;
  const stored = optionOrder[question.id] ?? [];
  const kept = stored.filter((id, index) => ids.includes(id) && stored.indexOf(id) === index);
  return [...kept, ...ids.filter((id) => !kept.includes(id))];
}
