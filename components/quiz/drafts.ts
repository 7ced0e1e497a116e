/**
 * What the learner has entered for a question before checking it, and the
 * answer it makes (null while incomplete, so "Check" stays disabled).
 * Positions are those of the lists the attempt shows.
 */
import type { TPublicQuestion } from "@/lib/quizzes/public-question";
import type { TShownAnswer } from "@/lib/quizzes/schemas";

export type Draft =
  | { kind: "single_choice"; option: number | null }
  | { kind: "multiple_choice"; options: number[] }
  | { kind: "true_false"; value: boolean | null }
  | { kind: "predict_output"; option: number | null; output: string }
  | { kind: "predict_duration"; seconds: string }
  | { kind: "ordering"; order: number[] }
  | { kind: "fill_blank"; blanks: string[] };

export function emptyDraft(question: TPublicQuestion): Draft {
  switch (question.kind) {
    case "single_choice":
      return { kind: "single_choice", option: null };
    case "multiple_choice":
      return { kind: "multiple_choice", options: [] };
    case "true_false":
      return { kind: "true_false", value: null };
    case "predict_output":
      return { kind: "predict_output", option: null, output: "" };
    case "predict_duration":
      return { kind: "predict_duration", seconds: "" };
    case "ordering":
      return { kind: "ordering", order: question.items.map((_, index) => index) };
    case "fill_blank":
      return { kind: "fill_blank", blanks: Array.from({ length: question.blanks }, () => "") };
  }
}

/** The draft that shows an answer already given (resuming, reviewing). */
export function draftOf(question: TPublicQuestion, answer: TShownAnswer | null): Draft {
  if (!answer || answer.kind !== question.kind) return emptyDraft(question);
  switch (answer.kind) {
    case "single_choice":
      return { kind: "single_choice", option: answer.option };
    case "multiple_choice":
      return { kind: "multiple_choice", options: answer.options };
    case "true_false":
      return { kind: "true_false", value: answer.value };
    case "predict_output":
      return { kind: "predict_output", option: answer.option ?? null, output: answer.output ?? "" };
    case "predict_duration":
      return { kind: "predict_duration", seconds: String(answer.seconds) };
    case "ordering":
      return { kind: "ordering", order: answer.order };
    case "fill_blank":
      return { kind: "fill_blank", blanks: answer.blanks };
  }
}

/** A typed number of seconds, with a decimal comma accepted (a Chinese or European keyboard). */
export function parseSeconds(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(trimmed)) return null;
  const seconds = Number(trimmed);
  return Number.isFinite(seconds) ? seconds : null;
}

export function answerOf(question: TPublicQuestion, draft: Draft): TShownAnswer | null {
  switch (draft.kind) {
    case "single_choice":
      return draft.option === null ? null : { kind: "single_choice", option: draft.option };
    case "multiple_choice":
      return draft.options.length === 0 ? null : { kind: "multiple_choice", options: [...draft.options].sort((left, right) => left - right) };
    case "true_false":
      return draft.value === null ? null : { kind: "true_false", value: draft.value };
    case "predict_output":
      if (question.kind === "predict_output" && question.outputs) return draft.option === null ? null : { kind: "predict_output", option: draft.option };
      return draft.output.trim() === "" ? null : { kind: "predict_output", output: draft.output };
    case "predict_duration": {
      const seconds = parseSeconds(draft.seconds);
      return seconds === null ? null : { kind: "predict_duration", seconds };
    }
    case "ordering":
      return { kind: "ordering", order: draft.order };
    case "fill_blank":
      return draft.blanks.some((blank) => blank.trim() === "") ? null : { kind: "fill_blank", blanks: draft.blanks };
  }
}
