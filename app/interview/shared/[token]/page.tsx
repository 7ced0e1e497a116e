import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/lib/access/page";
import { getTranslator } from "@/lib/i18n/server";
import { getSharedReport } from "@/lib/interviews/share-link";
import { InterviewReport } from "@/components/interview/report/interview-report";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

// The token is the only key to the report: kept out of search engines and out of the Referer of every link followed from it.
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("interview.report.sharedTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** A report behind its share link, read-only, for anyone holding it (signed out too); unknown or revoked, the 404 page. */
export default async function SharedInterviewReportPage({ params }: Props) {
  const { token } = await params;
  const { locale, t } = await getTranslator();
  const { report, candidate } = await orNotFound(getSharedReport(token));
  return (
    <article className="interview-report-page interview-report-shared">
      <h1>{t("interview.report.sharedTitle")}</h1>
      <p className="interview-report-shared-by" data-testid="shared-by">
        {candidate ? t("interview.report.sharedBy", { name: candidate }) : t("interview.report.sharedAnonymous")}
      </p>
      <InterviewReport
        report={report}
        locale={locale}
        t={t}
        pollUrl={`/api/shared-interviews/${encodeURIComponent(token)}`}
        actions={
          <div className="actions">
            <Link className="button secondary" href="/interview">
              {t("interview.title")}
            </Link>
          </div>
        }
      />
    </article>
  );
}
