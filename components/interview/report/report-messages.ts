/**
 * The report's strings for its two readers. The quiz review and the report
 * speak to the candidate ("your answer"); a share-link holder reads about
 * the candidate, so for them a few keys take their shared wording.
 */
import type { Locale } from "@/lib/i18n/locales";
import { pickMessages, type MessageKey } from "@/lib/i18n/messages";
import type { Translate } from "@/lib/i18n/server";

/** Who reads the report: its candidate, or anyone holding its share link. */
export type TReportReader = "candidate" | "shared";

export const SHARED_WORDING: Partial<Record<MessageKey, MessageKey>> = {
  "quiz.feedback.yourAnswer": "interviewReport.shared.yourAnswer",
  "quiz.feedback.yourChoice": "interviewReport.shared.yourChoice",
  "interview.report.flaggedMark": "interviewReport.shared.flaggedMark",
  "interview.report.practiceIntro": "interviewReport.shared.practiceIntro",
  "interview.report.practiceNone": "interviewReport.shared.practiceNone",
};

/** The strings the report's client parts read: the quiz review's, the result view's (with its timeline) and the report's own. */
export function reportMessages(locale: Locale, reader: TReportReader = "candidate") {
  const messages = pickMessages(locale, ["interview.", "interviewReport.", "quiz.", "exercise.", "verdict.", "test.", "timeline.", "auth.networkError"]);
  if (reader === "shared") {
    for (const [key, shared] of Object.entries(SHARED_WORDING) as [MessageKey, MessageKey][]) messages[key] = messages[shared];
  }
  return messages;
}

/** The server components' translator for this reader. */
export function readerTranslate(t: Translate, reader: TReportReader): Translate {
  if (reader === "candidate") return t;
  return (key, values) => t(SHARED_WORDING[key] ?? key, values);
}
