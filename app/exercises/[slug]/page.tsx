import type { Metadata } from "next";
import Link from "next/link";
import { authHref } from "@/lib/auth/form-text";
import { notFound } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server";
import { pickMessages } from "@/lib/i18n/messages";
import { getCurrentUser } from "@/lib/auth/session";
import { getExercise } from "@/lib/catalogue/get-exercise";
import { SubmissionPanel } from "@/components/submission-panel";
import { RegradeButton } from "@/components/regrade-button";
import { Markdown } from "@/components/markdown";
import { Hints } from "@/components/hints";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await getTranslator();
  const exercise = await getExercise((await params).slug, null);
  return { title: exercise ? (locale === "en" ? exercise.titleEn : exercise.titleZh) : "404" };
}

export default async function ExercisePage({ params }: Props) {
  const { locale, t } = await getTranslator();
  const user = await getCurrentUser();
  const exercise = await getExercise((await params).slug, user?.id ?? null);
  if (!exercise) notFound();
  const title = locale === "en" ? exercise.titleEn : exercise.titleZh;
  const prompt = exercise.prompt?.[locale];
  return (
    <article className="exercise">
      <h1>{title}</h1>
      {prompt && <Markdown>{prompt}</Markdown>}
      <Hints
        hints={exercise.hints.map((hint) => hint[locale])}
        labels={{ show: t("exercise.showHint"), next: t("exercise.nextHint"), title: t("exercise.hints") }}
      />
      {exercise.source && (
        <p className="muted">
          {t("exercise.source")}: {exercise.source}
        </p>
      )}
      {(user?.role === "TEACHER" || user?.role === "ADMIN") && (
        <RegradeButton
          exerciseId={exercise.id}
          locale={locale}
          labels={{ button: t("exercise.regrade"), confirm: t("exercise.regradeConfirm"), queued: t("exercise.regradeQueued") }}
        />
      )}
      {user ? (
        <SubmissionPanel
          exerciseId={exercise.id}
          starter={exercise.starter}
          locale={locale}
          messages={pickMessages(locale, ["exercise.", "verdict.", "test.", "timeline.", "auth.networkError"])}
          history={exercise.submissions.map((submission) => ({ ...submission, queuedAt: submission.queuedAt.toISOString() }))}
        />
      ) : (
        <>
          <pre className="code-view">{exercise.starter}</pre>
          <p className="card">
            {t("exercise.signInToSubmit")} <Link href={authHref("/signin", `/exercises/${exercise.slug}`)}>{t("nav.signIn")}</Link>
            {" · "}
            <Link href={authHref("/signup", `/exercises/${exercise.slug}`)}>{t("nav.signUp")}</Link>
          </p>
        </>
      )}
    </article>
  );
}
