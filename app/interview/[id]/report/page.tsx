import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { orNotFound, requirePageUser } from "@/lib/access/page";
import { getTranslator } from "@/lib/i18n/server";
import { getInterviewReport } from "@/lib/interviews/get-report";
import { getShareState } from "@/lib/interviews/share-link";
import { InterviewReport } from "@/components/interview/report/interview-report";
import { reportMessages } from "@/components/interview/report/report-messages";
import { SharePanel } from "@/components/interview/report/share-panel";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("interviewReport.pageTitle") };
}

/** The candidate's report of a handed-in interview, with its share link; while the interview runs, its runner. */
export default async function InterviewReportPage({ params }: Props) {
  const { id } = await params;
  const { locale, t } = await getTranslator();
  const user = await requirePageUser(`/interview/${id}/report`);
  // Someone else's interview and an unknown id alike show the 404 page.
  const report = await orNotFound(getInterviewReport(user.id, id));
  if (!report) redirect(`/interview/${encodeURIComponent(id)}`);
  const share = await getShareState(user.id, id);
  return (
    <article className="interview-report-page">
      <p className="muted">
        <Link href="/interview">{t("interview.title")}</Link> › {t("interview.report.title")}
      </p>
      <h1>{t("interview.report.title")}</h1>
      <InterviewReport
        report={report}
        reader="candidate"
        locale={locale}
        t={t}
        pollUrl={`/api/interviews/${encodeURIComponent(id)}/report`}
        actions={
          <div className="actions">
            <Link className="button" href="/interview">
              {t("interview.report.again")}
            </Link>
            <Link className="button secondary" href="/interview">
              {t("interview.report.backToInterviews")}
            </Link>
          </div>
        }
      >
        <SharePanel interviewId={id} token={share.token} locale={locale} messages={reportMessages(locale)} />
      </InterviewReport>
    </article>
  );
}
