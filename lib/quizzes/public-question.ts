/**
 * What the browser may see of a question before it is answered: the
 * prompt, the code, and the options or items in the attempt's shuffled
 * order, addressed by position. Every field is picked by name (nothing is
 * spread from the bank's question), so the key, the explanation and
 * anything derived from them (the bank's option ids, the author's order,
 * the expected output of a fill-in-the-blank) cannot ride along.
 */
import type { TBilingual, TQuestion } from "../content/schemas";
import { BLANK } from "../content/answer-text";
import { durationTolerance } from "./score-answer";

type PublicCommon = { id: string; prompt: TBilingual; code: string | null };

export type TPublicQuestion = PublicCommon &
  (
    | { kind: "single_choice"; options: TBilingual[] }
    | { kind: "multiple_choice"; options: TBilingual[] }
    | { kind: "true_false" }
    /** outputs: null when the learner types the output. */
    | { kind: "predict_output"; outputs: string[] | null }
    /** tolerance: seconds an answer may be off (stated in the UI). */
    | { kind: "predict_duration"; tolerance: number }
    | { kind: "ordering"; items: TBilingual[] }
    | { kind: "fill_blank"; blanks: number }
  );

/** The entries of `list` in the shown order of their ids. */
function inShownOrder<Entry extends { id: string }, Shown>(list: Entry[], shownOrder: string[] | null, pick: (entry: Entry) => Shown): Shown[] {
  const byId = new Map(list.map((entry) => [entry.id, entry]));
  const ids = shownOrder ?? list.map((entry) => entry.id);
  return ids.flatMap((id) => {
    const entry = byId.get(id);
    return entry ? [pick(entry)] : [];
  });
}

const bilingual = (text: TBilingual): TBilingual => ({ "zh-CN": text["zh-CN"], en: text.en });

/** `shownOrder` is the attempt's order of the question's option or item ids (shownOrderOf). */
export function publicQuestion(question: TQuestion, shownOrder: string[] | null): TPublicQuestion {
  const common: PublicCommon = { id: question.id, prompt: bilingual(question.prompt), code: question.code ?? null };
  switch (question.kind) {
    case "single_choice":
    case "multiple_choice":
      return { ...common, kind: question.kind, options: inShownOrder(question.options, shownOrder, (option) => bilingual(option.text)) };
    case "true_false":
      return { ...common, kind: "true_false" };
    case "predict_output":
      return {
        ...common,
        kind: "predict_output",
        outputs: question.options ? inShownOrder(question.options, shownOrder, (option) => option.output) : null,
      };
    case "predict_duration":
      return { ...common, kind: "predict_duration", tolerance: durationTolerance(question) };
    case "ordering":
      return { ...common, kind: "ordering", items: inShownOrder(question.items, shownOrder, (item) => bilingual(item.text)) };
    case "fill_blank":
      return { ...common, kind: "fill_blank", blanks: question.code.split(BLANK).length - 1 };
  }
}
