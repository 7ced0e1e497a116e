/**
 * What a failing test's misconception means, in both languages, for a
 * teacher: a standard code (grader/contract.json) has its own sentence; an
 * author's own code is named by the test and the code, since only the
 * exercise knows what it means.
 */
import { MISCONCEPTIONS } from "../../grader/contract";
import { bilingual, isMessageKey } from "../i18n/messages";
import type { TBilingual } from "../content/schemas";

export function misconceptionLabel(code: string | null, testName: TBilingual): TBilingual {
  if (code === null) return bilingual("insights.misconception.none");
  const key = `insights.misconception.${code}`;
  if (MISCONCEPTIONS.includes(code) && isMessageKey(key)) return bilingual(key);
  return bilingual("insights.misconception.custom", (locale) => ({ test: testName[locale], code }));
}

/** "23 students: the coroutines ran one after another". */
export function failingSentence(count: number, label: TBilingual): TBilingual {
  return bilingual(count === 1 ? "insights.failing.sentenceOne" : "insights.failing.sentence", (locale) => ({ count, label: label[locale] }));
}
