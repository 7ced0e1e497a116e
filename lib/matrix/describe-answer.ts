/**
 * A stored quiz answer as words a teacher reads ("B. 并发运行", "0.5 s",
 * "true"), from the question's own option texts. Pure.
 */
import type { TBilingual, TQuestion } from "../content/schemas";
import type { TStoredAnswer } from "../quizzes/schemas";

const same = (text: string): TBilingual => ({ "zh-CN": text, en: text });

export function describeAnswer(question: TQuestion, answer: TStoredAnswer): TBilingual {
  const optionText = (id: string): TBilingual => {
    if (question.kind === "single_choice" || question.kind === "multiple_choice") {
      const option = question.options.find((candidate) => candidate.id === id);
      if (option) return { "zh-CN": `${id.toUpperCase()}. ${option.text["zh-CN"]}`, en: `${id.toUpperCase()}. ${option.text.en}` };
    }
    if (question.kind === "ordering") {
      const item = question.items.find((candidate) => candidate.id === id);
      if (item) return item.text;
    }
    if (question.kind === "predict_output") {
      const option = question.options?.find((candidate) => candidate.id === id);
      if (option) return same(option.output);
    }
    return same(id);
  };
  const join = (texts: TBilingual[], separator: string): TBilingual => ({
    "zh-CN": texts.map((text) => text["zh-CN"]).join(separator),
    en: texts.map((text) => text.en).join(separator),
  });
  switch (answer.kind) {
    case "single_choice":
      return optionText(answer.option);
    case "multiple_choice":
      return join(answer.options.map(optionText), "; ");
    case "true_false":
      return answer.value ? { "zh-CN": "对", en: "true" } : { "zh-CN": "错", en: "false" };
    case "predict_output":
      return answer.option !== undefined ? optionText(answer.option) : same(answer.output ?? "");
    case "predict_duration":
      return same(`${answer.seconds} s`);
    case "ordering":
      return join(answer.order.map(optionText), " → ");
    case "fill_blank":
      return same(answer.blanks.join(" | "));
  }
}
