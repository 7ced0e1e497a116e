/**
 * Scores one answer against the bank's key. Pure: no database, no request.
 *
 * A score is in [0, 1]; `correct` means full marks. Partial credit where
 * an answer has parts that can each be right:
 * - multiple choice, as Moodle's "multiple answers" question: every right
 *   option picked earns 1/k (k right options), every wrong one picked costs
 *   1/(n − k), never below 0. Ticking every box scores 0, so guessing all
 *   does not pay; "correct" needs exactly the right set.
 * - ordering, as Moodle's ordering question "relative to the next item":
 *   each item (but the last) whose successor is its successor in the key
 *   earns 1/(n − 1).
 * - fill in the blank: each blank is worth 1/blanks.
 * Everything else is all or nothing.
 */
import { normalizeOutput } from "../content/answer-text";
import type { TQuestion } from "../content/schemas";
import type { TStoredAnswer } from "./schemas";

export type AnswerScore = {
  correct: boolean;
  score: number;
  /** fill_blank: whether each blank was right, in order. */
  blanks?: boolean[];
};

/** Scores keep six decimals: 1/3 + 1/3 + 1/3 is 1, not 0.9999999999999999. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;
const allOrNothing = (right: boolean): AnswerScore => ({ correct: right, score: right ? 1 : 0 });

/** Seconds a duration answer may be off and still be right, as the question sets it (schema default 0.05 s). */
export function durationTolerance(question: Extract<TQuestion, { kind: "predict_duration" }>): number {
  return question.tolerance;
}

/**
 * A blank's text as Python reads it: surrounding spaces never matter, nor
 * spaces next to punctuation (`asyncio . run` is `asyncio.run`); between two
 * words they stay one space (`awaitfoo` is not `await foo`), and string
 * literals are kept exactly.
 */
export function normalizeBlank(text: string): string {
  const parts = text.trim().split(/("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')/);
  return parts
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/\s+/g, " ")
            .replace(/ ?([^\w ]) ?/g, "$1"),
    )
    .join("");
}

export function scoreAnswer(question: TQuestion, answer: TStoredAnswer): AnswerScore {
  if (answer.kind !== question.kind) throw new Error(`a ${answer.kind} answer to a ${question.kind} question`);
  switch (question.kind) {
    case "single_choice":
      return allOrNothing(answer.kind === "single_choice" && answer.option === question.answer);
    case "true_false":
      return allOrNothing(answer.kind === "true_false" && answer.value === question.answer);
    case "multiple_choice": {
      if (answer.kind !== "multiple_choice") break;
      const key = new Set(question.answer);
      const picked = new Set(answer.options);
      const wrongOptions = question.options.length - key.size;
      let score = 0;
      for (const option of picked) {
        if (key.has(option)) score += 1 / key.size;
        else if (wrongOptions > 0) score -= 1 / wrongOptions;
      }
      const exact = picked.size === key.size && [...picked].every((option) => key.has(option));
      return { correct: exact, score: exact ? 1 : Math.max(0, Math.min(1, round(score))) };
    }
    case "predict_output": {
      if (answer.kind !== "predict_output") break;
      if (question.options) {
        const chosen = question.options.find((option) => option.id === answer.option);
        return allOrNothing(chosen !== undefined && normalizeOutput(chosen.output) === normalizeOutput(question.answer));
      }
      return allOrNothing(answer.output !== undefined && normalizeOutput(answer.output) === normalizeOutput(question.answer));
    }
    case "predict_duration": {
      if (answer.kind !== "predict_duration") break;
      // A hair of slack so 0.55 typed for 0.5 ± 0.05 is not lost to binary fractions.
      return allOrNothing(Math.abs(answer.seconds - question.answer) <= durationTolerance(question) + 1e-9);
    }
    case "ordering": {
      if (answer.kind !== "ordering") break;
      const exact = answer.order.length === question.answer.length && answer.order.every((id, index) => id === question.answer[index]);
      if (exact) return { correct: true, score: 1 };
      const successor = new Map(question.answer.map((id, index) => [id, question.answer[index + 1]]));
      let pairs = 0;
      for (let index = 0; index + 1 < answer.order.length; index += 1) {
        if (successor.get(answer.order[index]!) === answer.order[index + 1]) pairs += 1;
      }
      return { correct: false, score: round(pairs / (question.answer.length - 1)) };
    }
    case "fill_blank": {
      if (answer.kind !== "fill_blank") break;
      const blanks = question.answer.map((accepted, index) => {
        const given = normalizeBlank(answer.blanks[index] ?? "");
        return given !== "" && accepted.some((alternative) => normalizeBlank(alternative) === given);
      });
      const right = blanks.filter(Boolean).length;
      return { correct: right === blanks.length, score: round(right / blanks.length), blanks };
    }
  }
  throw new Error(`a ${answer.kind} answer to a ${question.kind} question`);
}
