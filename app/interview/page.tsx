import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { resolveTimeZone, TIME_ZONE_COOKIE } from "@/lib/progress/time-zone";
import { authHref } from "@/lib/auth/form-text";
import { getCurrentUser } from "@/lib/auth/session";
import { pickMessages } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/i18n/server";
import { listInterviews } from "@/lib/interviews/list-interviews";
import { StartInterviewForm } from "@/components/interview/start-interview-form";
import { ScoreTrend } from "@/components/interview/score-trend";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("interview.title") };
}

/** Mock interviews: start one (or resume the one running), and the history with its score trend. */
export default async function InterviewsPage() {
  const { locale, t } = await getTranslator();
  const user = await getCurrentUser();
  const history = user ? await listInterviews(user.id) : [];
  const running = history.find((entry) => entry.running);
  // In the reader's time zone (the cookie components/time-zone-cookie.tsx sets), not the server's.
  const timeZone = resolveTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  const dateTime = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
  const scored = history
    .filter((entry) => entry.score !== null)
    .reverse()
    .map((entry) => ({ score: entry.score ?? 0, label: dateTime(entry.startedAt) }));
  return (
    <article className="interview-page">
      <h1>{t("interview.title")}</h1>
      <p>{t("interview.intro")}</p>
      {!user ? (
        <p className="card">
          <Link href={authHref("/signin", "/interview")}>{t("interview.start.signIn")}</Link>
        </p>
      ) : running ? (
        <section className="card interview-resume" aria-labelledby="resume-title">
          <h2 id="resume-title">{t("interview.resume.title")}</h2>
          <p>
            {t(`interview.formatShort.${running.format}`)} · {t(`interview.levelShort.${running.level}`)} ·{" "}
            {t("interview.resume.endsAt", { time: dateTime(running.endsAt) })}
          </p>
          <p>
            <Link className="button" href={`/interview/${running.id}`}>
              {t("interview.resume.button")}
            </Link>
          </p>
        </section>
      ) : (
        <StartInterviewForm locale={locale} messages={pickMessages(locale, ["interview.", "auth.networkError"])} />
      )}
      {user && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t("interview.history.title")}</h2>
          {history.length === 0 ? (
            <p className="muted">{t("interview.history.empty")}</p>
          ) : (
            <>
              <ScoreTrend scores={scored} t={t} />
              <table className="interview-history">
                <thead>
                  <tr>
                    <th scope="col">{t("interview.history.col.date")}</th>
                    <th scope="col">{t("interview.history.col.format")}</th>
                    <th scope="col">{t("interview.history.col.level")}</th>
                    <th scope="col">{t("interview.history.col.status")}</th>
                    <th scope="col">{t("interview.history.col.score")}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t("interview.history.open")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((entry) => (
                    <tr key={entry.id}>
                      <td>{dateTime(entry.startedAt)}</td>
                      <td>{t(`interview.formatShort.${entry.format}`)}</td>
                      <td>{t(`interview.levelShort.${entry.level}`)}</td>
                      <td>
                        {entry.running
                          ? t("interview.status.IN_PROGRESS")
                          : entry.status !== "IN_PROGRESS" && entry.score === null
                            ? t("interview.status.grading")
                            : t(`interview.status.${entry.status === "IN_PROGRESS" ? "EXPIRED" : entry.status}`)}
                      </td>
                      <td>{entry.score === null ? "—" : `${Math.round(entry.score * 100)}%`}</td>
                      <td>
                        <Link href={entry.running ? `/interview/${entry.id}` : `/interview/${entry.id}/report`}>
                          {entry.running ? t("interview.resume.button") : t("interview.history.open")}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      )}
    </article>
  );
}
