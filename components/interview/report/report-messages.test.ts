import { describe, expect, it } from "vitest";
import type { Translate } from "@/lib/i18n/server";
import { readerTranslate, reportMessages, SHARED_WORDING } from "./report-messages";

describe("the report's wording for its readers", () => {
  it("speaks to the candidate in their own report", () => {
    expect(reportMessages("en")["quiz.feedback.yourAnswer"]).toBe("Your answer");
    expect(reportMessages("zh-CN", "candidate")["interview.report.flaggedMark"]).toBe("你标记过这一项");
  });

  it("speaks about the candidate behind a share link, in both languages", () => {
    expect(reportMessages("en", "shared")["quiz.feedback.yourAnswer"]).toBe("The candidate's answer");
    expect(reportMessages("zh-CN", "shared")["quiz.feedback.yourChoice"]).toBe("候选人的选择");
    for (const locale of ["zh-CN", "en"] as const) {
      const messages = reportMessages(locale, "shared");
      for (const [key, shared] of Object.entries(SHARED_WORDING)) expect(messages[key as keyof typeof messages]).toBe(messages[shared]);
    }
  });

  it("swaps the same keys for the server components", () => {
    const t: Translate = (key) => key;
    expect(readerTranslate(t, "shared")("interview.report.practiceIntro")).toBe("interviewReport.shared.practiceIntro");
    expect(readerTranslate(t, "shared")("interview.report.score")).toBe("interview.report.score");
    expect(readerTranslate(t, "candidate")).toBe(t);
  });
});
