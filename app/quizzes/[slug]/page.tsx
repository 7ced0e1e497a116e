import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { authHref } from "@/lib/auth/form-text";
import { getCurrentUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { getQuizOverview } from "@/lib/quizzes/get-quiz-overview";
import { StartQuizButton } from "@/components/quiz/start-quiz-button";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await getTranslator();
  const quiz = await getQuizOverview((await params).slug, null);
  return { title: quiz ? quiz.title[locale] : "404" };
}

export default async function QuizPage({ params }: Props) {
  const { locale, t } = await getTranslator();
  const { slug } = await params;
  const user = await getCurrentUser();
  const quiz = await getQuizOverview(slug, user?.id ?? null);
  if (!quiz) notFound();
  const here = `/quizzes/${quiz.slug}`;
  const labels = { starting: t("quiz.starting"), networkError: t("quiz.networkError") };
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <article className="quiz-page">
      <p className="muted">
        <Link href="/quizzes">{t("quiz.list.title")}</Link>
      </p>
      <h1>{quiz.title[locale]}</h1>
      <section className="card quiz-about">
        <p>{t("quiz.overview.about", { count: quiz.questionCount, minutes: quiz.estimatedMinutes })}</p>
        <dl>
          <dt>{t("quiz.overview.topics")}</dt>
          <dd>{quiz.topics.map((topic) => topic[locale]).join(" · ")}</dd>
          <dt>{t("quiz.overview.kinds")}</dt>
          <dd>{quiz.kinds.map((entry) => `${t(`quiz.kind.${entry.kind}`)} ${entry.count}`).join(" · ")}</dd>
          <dt>{t("quiz.overview.tutorials")}</dt>
          <dd>
            <ul className="quiz-tutorials">
              {quiz.tutorials.map((reference) => (
                <li key={`${reference.seed}:${reference.section}`}>
                  <span className="muted">{t("quiz.feedback.tutorial", { seed: reference.seed, section: reference.section })}</span>{" "}
                  {reference.title ?? ""}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
        <p className="muted">{t("quiz.overview.howItWorks")}</p>
      </section>

      {user ? (
        <>
          <p className="actions">
            {quiz.openAttemptId ? (
              <Link className="button" href={`${here}/attempts/${quiz.openAttemptId}`}>
                {t("quiz.resume")}
              </Link>
            ) : (
              <StartQuizButton slug={quiz.slug} locale={locale} label={t(quiz.attempts.length > 0 ? "quiz.retry" : "quiz.start")} labels={labels} />
            )}
          </p>
          {quiz.attempts.length > 0 && (
            <section>
              <h2>{t("quiz.history")}</h2>
              <table className="table quiz-history">
                <thead>
                  <tr>
                    <th>{t("quiz.history.started")}</th>
                    <th>{t("quiz.history.answered")}</th>
                    <th>{t("quiz.history.score")}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {quiz.attempts.map((attempt) => (
                    <tr key={attempt.id}>
                      <td>{dateTime.format(new Date(attempt.startedAt))}</td>
                      <td>
                        {attempt.answered} / {attempt.total}
                      </td>
                      <td>{attempt.score !== null ? `${Math.round(attempt.score * 100)}%` : t("quiz.history.open")}</td>
                      <td>
                        <Link href={`${here}/attempts/${attempt.id}`}>{attempt.submittedAt ? t("quiz.history.view") : t("quiz.resume")}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </>
      ) : (
        <p className="card">
          {t("quiz.overview.signIn")} <Link href={authHref("/signin", here)}>{t("nav.signIn")}</Link>
          {" · "}
          <Link href={authHref("/signup", here)}>{t("nav.signUp")}</Link>
        </p>
      )}
    </article>
  );
}
