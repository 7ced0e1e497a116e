import type { ReactNode } from "react";
import type { Translate } from "@/lib/i18n/server";
import type { TInterviewReport } from "@/lib/interviews/get-report";
import { clock, points } from "./format";

/** The report's head: the score as a percentage and in points, the time used of the limit, how it was handed in, its length and level. */
export function ReportSummary({ report, t, children }: { report: TInterviewReport; t: Translate; children?: ReactNode }) {
  const status = report.grading ? t("interview.status.grading") : t(`interview.status.${report.status}`);
  return (
    <section className="card interview-report-summary" aria-labelledby="interview-report-score">
      <dl className="interview-report-figures">
        <div>
          <dt id="interview-report-score">{t("interview.report.score")}</dt>
          <dd className="interview-report-score" data-testid="interview-score">
            {report.score === null ? "—" : `${Math.round(report.score * 100)}%`}
          </dd>
          {!report.grading && (
            <dd data-testid="interview-points">{t("interview.report.points", { earned: points(report.points.earned), total: points(report.points.total) })}</dd>
          )}
        </div>
        <div>
          <dt>{t("interview.report.timeUsed")}</dt>
          <dd className="interview-report-time">{t("interview.report.timeUsedValue", { used: clock(report.timeUsedSeconds), limit: report.minutes })}</dd>
        </div>
        <div>
          <dt>{t("interview.history.col.status")}</dt>
          <dd data-testid="interview-status">{status}</dd>
        </div>
        <div>
          <dt>{t("interviewReport.formatLevel")}</dt>
          <dd>
            {t(`interview.formatShort.${report.format}`)} · {t(`interview.levelShort.${report.level}`)}
          </dd>
        </div>
      </dl>
      <p className="hint">{t("interview.report.pointsRule", { question: report.points.questionPoints, task: report.points.taskPoints })}</p>
      {children}
    </section>
  );
}
