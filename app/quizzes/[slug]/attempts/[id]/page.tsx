import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache, type ReactNode } from "react";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { pickMessages } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/i18n/server";
import { getQuizAttempt } from "@/lib/quizzes/get-quiz-attempt";
import type { TQuizAttemptView } from "@/lib/quizzes/build-attempt-view";
import { QuizAttempt } from "@/components/quiz/quiz-attempt";
import { QuizCode } from "@/components/quiz/quiz-code";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }> };

/** The attempt, its owner's only: anyone else (and an unknown id) gets the 404 page. Read once per request (metadata and page). */
const ownAttempt = cache(async (userId: string, id: string): Promise<TQuizAttemptView | null> => {
  try {
    return await getQuizAttempt(userId, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await getTranslator();
  const user = await getCurrentUser();
  const attempt = user ? await ownAttempt(user.id, (await params).id) : null;
  return { title: attempt ? attempt.quiz.title[locale] : "404" };
}

export default async function QuizAttemptPage({ params }: Props) {
  const { locale, t } = await getTranslator();
  const { slug, id } = await params;
  const user = await getCurrentUser();
  // A guest lands on the quiz's page, which offers signing in and coming back.
  if (!user) redirect(`/quizzes/${encodeURIComponent(slug)}`);
  const attempt = await ownAttempt(user.id, id);
  if (!attempt || attempt.quiz.slug !== slug) notFound();
  // Code is drawn on the server (QuizCode) and handed to the client component ready-made.
  const codes: Record<string, ReactNode> = {};
  for (const { question } of attempt.questions) {
    if (question.code && question.kind !== "fill_blank") codes[question.id] = <QuizCode code={question.code} />;
  }
  return (
    <article className="quiz-attempt-page">
      <p className="muted">
        <Link href="/quizzes">{t("quiz.list.title")}</Link> › <Link href={`/quizzes/${slug}`}>{attempt.quiz.title[locale]}</Link>
      </p>
      <h1>{attempt.quiz.title[locale]}</h1>
      <QuizAttempt attempt={attempt} codes={codes} locale={locale} messages={pickMessages(locale, ["quiz."])} />
    </article>
  );
}
