/**
 * A stored quiz answer as a teacher reads it, in both languages: the
 * option's own text (not its id), "True"/"False", the typed output, the
 * seconds, the items in the order chosen, the blanks.
 */
import type { TBilingual, TQuestion } from "../content/schemas";
import type { TStoredAnswer } from "../quizzes/schemas";
import { translate } from "../i18n/messages";

const same = (text: string): TBilingual => ({ "zh-CN": text, en: text });
const join = (texts: TBilingual[], separator: TBilingual): TBilingual => ({
  "zh-CN": texts.map((text) => text["zh-CN"]).join(separator["zh-CN"]),
  en: texts.map((text) => text.en).join(separator.en),
});
const LIST = { "zh-CN": "、", en: ", " };
const SEQUENCE = { "zh-CN": " → ", en: " → " };

function textOf(list: { id: string; text: TBilingual }[], id: string): TBilingual {
  return list.find((entry) => entry.id === id)?.text ?? same(id);
}

export function describeAnswer(question: TQuestion, answer: TStoredAnswer): TBilingual {
  switch (answer.kind) {
    case "single_choice":
      return question.kind === "single_choice" ? textOf(question.options, answer.option) : same(answer.option);
    case "multiple_choice": {
      const options = question.kind === "multiple_choice" ? question.options : [];
      return join([...answer.options].sort().map((id) => textOf(options, id)), LIST);
    }
    case "true_false": {
      const key = answer.value ? "insights.true" : "insights.false";
      return { "zh-CN": translate("zh-CN", key), en: translate("en", key) };
    }
    case "predict_output": {
      if (answer.option !== undefined && question.kind === "predict_output") {
        return same(question.options?.find((option) => option.id === answer.option)?.output ?? answer.option);
      }
      return same(answer.output ?? "");
    }
    case "predict_duration":
      return { "zh-CN": translate("zh-CN", "insights.seconds", { value: answer.seconds }), en: translate("en", "insights.seconds", { value: answer.seconds }) };
    case "ordering": {
      const items = question.kind === "ordering" ? question.items : [];
      return join(answer.order.map((id) => textOf(items, id)), SEQUENCE);
    }
    case "fill_blank":
      return same(answer.blanks.join(" / "));
  }
}
