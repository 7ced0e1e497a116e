import type { Translate } from "@/lib/i18n/server";
import type { TConceptResult } from "@/lib/interviews/get-report";
import { points } from "./format";

/** Each concept the interview touched, weakest first: its share of points, how many items, and strong / needs work in words and a sign. */
export function ConceptTable({ concepts, t }: { concepts: TConceptResult[]; t: Translate }) {
  if (concepts.length === 0) return null;
  return (
    <section className="card interview-report-concepts" aria-labelledby="interview-report-concepts">
      <h2 id="interview-report-concepts">{t("interview.report.concepts")}</h2>
      <div className="interview-report-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("interview.report.concept")}</th>
              <th scope="col">{t("interview.report.conceptScore")}</th>
              <th scope="col" className="interview-report-number">
                {t("interview.report.conceptItems")}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t("interviewReport.standing")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {concepts.map((concept) => {
              const percent = Math.round(concept.share * 100);
              return (
                <tr key={concept.concept} data-testid="concept-row" data-concept={concept.concept}>
                  <th scope="row">
                    <code className="interview-report-concept">{concept.concept}</code>
                  </th>
                  <td>
                    <span className="interview-report-bar" aria-hidden="true">
                      <span className={concept.strong ? "interview-report-bar-fill strong" : "interview-report-bar-fill"} style={{ width: `${percent}%` }} />
                    </span>
                    <span className="interview-report-share">
                      {percent}% <span className="muted">({points(concept.earned)} / {points(concept.total)})</span>
                    </span>
                  </td>
                  <td className="interview-report-number">{concept.items}</td>
                  <td>
                    <span className={concept.strong ? "badge interview-report-strong" : "badge interview-report-weak"}>
                      <span aria-hidden="true">{concept.strong ? "✓ " : "! "}</span>
                      {concept.strong ? t("interview.report.strong") : t("interview.report.needsWork")}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
