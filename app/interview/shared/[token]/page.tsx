import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { getTranslator } from "@/lib/i18n/server";
import { getSharedReport, type TSharedReport } from "@/lib/interviews/share-link";
import { InterviewReport } from "@/components/interview/report/interview-report";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

/** The report behind the token, or null for an unknown or revoked one. Read once per request (metadata and page). */
const sharedReport = cache(async (token: string): Promise<TSharedReport | null> => {
  try {
    return await getSharedReport(token);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
});

// The token is the only key to the report: kept out of search engines and out of the Referer of every link followed from it.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getTranslator();
  const shared = await sharedReport((await params).token);
  return { title: shared ? t("interview.report.sharedTitle") : "404", robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** A report behind its share link, read-only, for anyone holding it (signed out too); unknown or revoked, the 404 page. */
export default async function SharedInterviewReportPage({ params }: Props) {
  const { token } = await params;
  const { locale, t } = await getTranslator();
  const shared = await sharedReport(token);
  if (!shared) notFound();
  const { report, candidate } = shared;
  return (
    <article className="interview-report-page interview-report-shared">
      <h1>{t("interview.report.sharedTitle")}</h1>
      <p className="interview-report-shared-by" data-testid="shared-by">
        {candidate ? t("interview.report.sharedBy", { name: candidate }) : t("interview.report.sharedAnonymous")}
      </p>
      <InterviewReport
        report={report}
        reader="shared"
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
