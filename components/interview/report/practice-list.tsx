import Link from "next/link";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/server";
import type { TInterviewReport } from "@/lib/interviews/get-report";

/** What to practise next: exercises of the course on the concepts that need work, unsolved first. */
export function PracticeList({ report, locale, t }: { report: TInterviewReport; locale: Locale; t: Translate }) {
  if (report.grading) return null;
  const weak = report.concepts.some((concept) => !concept.strong);
  return (
    <section className="card interview-report-practice" aria-labelledby="interview-report-practice">
      <h2 id="interview-report-practice">{t("interview.report.practice")}</h2>
      {!weak && <p>{t("interview.report.practiceNone")}</p>}
      {weak && report.practice.length === 0 && <p>{t("interviewReport.practiceMissing")}</p>}
      {report.practice.length > 0 && (
        <>
          <p>{t("interview.report.practiceIntro")}</p>
          <ul>
            {report.practice.map((exercise) => (
              <li key={exercise.slug} data-testid="practice-item">
                <Link href={`/exercises/${encodeURIComponent(exercise.slug)}`}>{exercise.title[locale]}</Link>{" "}
                {exercise.solved && <span className="badge badge-solved">{t("interview.report.solved")}</span>}
                <span className="interview-report-tags">
                  {exercise.concepts.map((concept) => (
                    <code key={concept} className="interview-report-concept">
                      {concept}
                    </code>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
