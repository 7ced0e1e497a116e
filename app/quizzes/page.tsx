import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { listQuizzes } from "@/lib/quizzes/list-quizzes";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("quiz.list.title") };
}

export default async function QuizzesPage() {
  const { locale, t } = await getTranslator();
  const user = await getCurrentUser();
  const quizzes = await listQuizzes(user?.id ?? null);
  return (
    <article className="quiz-list-page">
      <h1>{t("quiz.list.title")}</h1>
      <p className="muted">{t("quiz.list.intro")}</p>
      {quizzes.length === 0 && <p className="card muted">{t("quiz.list.empty")}</p>}
      <ul className="quiz-list">
        {quizzes.map((quiz) => (
          <li key={quiz.slug} className="card">
            <h2>
              <Link href={`/quizzes/${quiz.slug}`}>{quiz.title[locale]}</Link>
            </h2>
            <p className="muted">
              {t("quiz.questions", { count: quiz.questionCount })} · {t("quiz.minutes", { minutes: quiz.estimatedMinutes })}
            </p>
            {user && (
              <p className="quiz-list-status">
                {quiz.bestScore !== null ? (
                  <strong>{t("quiz.best", { percent: Math.round(quiz.bestScore * 100) })}</strong>
                ) : (
                  <span className="muted">{t("quiz.notTaken")}</span>
                )}
                {quiz.attempts > 0 && <span className="muted"> · {t("quiz.finishedCount", { count: quiz.attempts })}</span>}
                {quiz.open && <span className="badge">{t("quiz.inProgress")}</span>}
              </p>
            )}
          </li>
        ))}
      </ul>
    </article>
  );
}
