/**
 * Answers cross between two vocabularies: the browser's positions in the
 * lists it was shown, and the bank's ids that the database keeps and the
 * scorer reads. An answer that does not fit its question (another kind,
 * a position past the list, not every item once, a blank too many) is
 * refused here with a message for the learner, before anything is stored.
 */
import { AppError } from "../errors";
import { bilingual, type MessageKey } from "../i18n/messages";
import { normalizeOutput } from "../content/answer-text";
import type { TQuestion } from "../content/schemas";
import { ZOptionOrder, type TShownAnswer, type TStoredAnswer } from "./schemas";
import { scoreAnswer } from "./score-answer";
import { shownOrderOf } from "./shuffle-options";

const refuse = (key: MessageKey, values: Record<string, number> = {}) =>
  new AppError("INVALID_REQUEST", bilingual("error.invalidRequest"), [{ path: "answer", message: bilingual(key, () => values) }]);

function idAt(shownOrder: string[], position: number): string {
  const id = shownOrder[position];
  if (id === undefined) throw refuse("quiz.error.positionPast", { count: shownOrder.length });
  return id;
}

function positionOf(shownOrder: string[], id: string): number[] {
  const position = shownOrder.indexOf(id);
  return position < 0 ? [] : [position];
}

export function blankCount(question: Extract<TQuestion, { kind: "fill_blank" }>): number {
  return question.answer.length;
}

/** The browser's answer in the bank's ids; `shownOrder` as shownOrderOf gives it. */
export function toStoredAnswer(question: TQuestion, shownOrder: string[] | null, answer: TShownAnswer): TStoredAnswer {
  if (answer.kind !== question.kind) throw refuse("quiz.error.answerKind");
  const order = shownOrder ?? [];
  switch (answer.kind) {
    case "single_choice":
      return { kind: "single_choice", option: idAt(order, answer.option) };
    case "multiple_choice":
      return { kind: "multiple_choice", options: answer.options.map((position) => idAt(order, position)) };
    case "true_false":
      return { kind: "true_false", value: answer.value };
    case "predict_output": {
      const choosing = question.kind === "predict_output" && question.options !== undefined;
      if (choosing && answer.option !== undefined) return { kind: "predict_output", option: idAt(order, answer.option) };
      if (!choosing && answer.output !== undefined) return { kind: "predict_output", output: answer.output };
      throw refuse(choosing ? "quiz.error.chooseOutput" : "quiz.error.typeOutput");
    }
    case "predict_duration":
      return { kind: "predict_duration", seconds: answer.seconds };
    case "ordering": {
      // Every shown item exactly once: the schema made the positions distinct.
      if (answer.order.length !== order.length) throw refuse("quiz.error.orderEvery", { count: order.length });
      return { kind: "ordering", order: answer.order.map((position) => idAt(order, position)) };
    }
    case "fill_blank": {
      const blanks = question.kind === "fill_blank" ? blankCount(question) : 0;
      if (answer.blanks.length !== blanks) throw refuse("quiz.error.blankCount", { count: blanks });
      return { kind: "fill_blank", blanks: answer.blanks };
    }
  }
}

/** A stored answer in the positions of the attempt's lists, to show the learner what they answered. */
export function toShownAnswer(shownOrder: string[] | null, answer: TStoredAnswer): TShownAnswer {
  const order = shownOrder ?? [];
  switch (answer.kind) {
    case "single_choice":
      return { kind: "single_choice", option: positionOf(order, answer.option)[0] ?? -1 };
    case "multiple_choice":
      return { kind: "multiple_choice", options: answer.options.flatMap((id) => positionOf(order, id)) };
    case "predict_output":
      return answer.option !== undefined
        ? { kind: "predict_output", option: positionOf(order, answer.option)[0] ?? -1 }
        : { kind: "predict_output", output: answer.output ?? "" };
    case "ordering":
      return { kind: "ordering", order: answer.order.flatMap((id) => positionOf(order, id)) };
    case "true_false":
    case "predict_duration":
    case "fill_blank":
      return answer;
  }
}

/** The key, in the positions of the attempt's lists (for fill_blank, each blank's first accepted answer). */
export function correctShownAnswer(question: TQuestion, shownOrder: string[] | null): TShownAnswer {
  const order = shownOrder ?? [];
  switch (question.kind) {
    case "single_choice":
      return { kind: "single_choice", option: order.indexOf(question.answer) };
    case "multiple_choice":
      return { kind: "multiple_choice", options: question.answer.map((id) => order.indexOf(id)).sort((left, right) => left - right) };
    case "true_false":
      return { kind: "true_false", value: question.answer };
    case "predict_output": {
      if (!question.options) return { kind: "predict_output", output: question.answer };
      const key = normalizeOutput(question.answer);
      const right = question.options.find((option) => normalizeOutput(option.output) === key);
      return { kind: "predict_output", option: right ? order.indexOf(right.id) : -1 };
    }
    case "predict_duration":
      return { kind: "predict_duration", seconds: question.answer };
    case "ordering":
      return { kind: "ordering", order: question.answer.map((id) => order.indexOf(id)) };
    case "fill_blank":
      return { kind: "fill_blank", blanks: question.answer.map((accepted) => accepted[0] ?? "") };
  }
}

/**
 * An answer as the browser gave it, for a question of an attempt: in the
 * bank's ids (refused here if it does not fit) and scored on the server.
 * `optionOrder` is the attempt's stored QuizAttempt.optionOrder.
 */
export function scoreShownAnswer(question: TQuestion, optionOrder: unknown, shown: TShownAnswer) {
  const shownOrder = shownOrderOf(question, ZOptionOrder.parse(optionOrder ?? {}));
  const answer = toStoredAnswer(question, shownOrder, shown);
  const { correct, score } = scoreAnswer(question, answer);
  return { shownOrder, answer, correct, score };
}
