import type { Metadata } from "next";
import Link from "next/link";
import { authHref } from "@/lib/auth/form-text";
import { notFound } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server";
import { pickMessages } from "@/lib/i18n/messages";
import { getCurrentUser } from "@/lib/auth/session";
import { getExercise } from "@/lib/catalogue/get-exercise";
import { Workspace } from "@/components/exercise/workspace";
import { RegradeButton } from "@/components/regrade-button";
import { Markdown } from "@/components/markdown";
import { Hints } from "@/components/hints";
import { CodeBlock } from "@/components/code-block";
import { SourceList } from "@/components/source-list";
import { ItemNav } from "@/components/item-nav";
import { getNeighbours } from "@/lib/catalogue/get-neighbours";

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
  const { slug } = await params;
  const [exercise, neighbours] = await Promise.all([getExercise(slug, user?.id ?? null), getNeighbours(slug)]);
  if (!exercise) notFound();
  const starter = exercise.starter[locale];
  const title = locale === "en" ? exercise.titleEn : exercise.titleZh;
  const prompt = exercise.prompt?.[locale];
  const remaining = Math.max(0, exercise.referenceAfterAttempts - exercise.progress.attempts);
  return (
    <article className="exercise">
      <div className="exercise-layout">
        <div className="exercise-prompt">
          {/* A prompt that opens with its own heading keeps that one: one h1 a page. */}
          {!prompt?.trimStart().startsWith("# ") && <h1>{title}</h1>}
          {user && (exercise.progress.solved || exercise.progress.attempts > 0) && (
            <p className="muted exercise-status">
              {exercise.progress.solved && <span className="badge badge-solved">✓ {t("exercise.solvedBadge")}</span>}{" "}
              {t("exercise.attemptsCount", { count: exercise.progress.attempts })}
            </p>
          )}
          {exercise.interviewLock && (
            <p className="interview-warning" role="status">
              {t("interview.exerciseLocked")}
            </p>
          )}
          {prompt && <Markdown>{prompt}</Markdown>}
          <Hints
            exerciseId={exercise.id}
            locale={locale}
            total={exercise.hints.total}
            unlocked={exercise.hints.unlocked}
            revealed={exercise.hints.revealed}
            signedIn={Boolean(user)}
            labels={{
              show: t("exercise.showHint"),
              next: t("exercise.nextHint"),
              title: t("exercise.hints"),
              lockedAfter: t("exercise.hintLockedAfter", { count: Math.max(1, exercise.hints.revealed.length + 1 - exercise.hints.unlocked) }),
              count: t("exercise.hintsCount", { shown: exercise.hints.revealed.length, total: exercise.hints.total }),
            }}
          />
          <SourceList sources={exercise.sources} t={t} />
          {user && (
            <section className="reference" aria-labelledby="reference-title">
              <h2 id="reference-title">{t("exercise.reference")}</h2>
              {exercise.reference ? (
                <details>
                  <summary>{t("exercise.referenceShow")}</summary>
                  <CodeBlock code={exercise.reference} language="python" />
                </details>
              ) : (
                <p className="muted">{t("exercise.referenceLocked", { count: remaining })}</p>
              )}
            </section>
          )}
          {/* Teachers regrade for their classes, from the class's Regrade page; this one is everyone's. */}
          {user?.role === "ADMIN" && (
            <RegradeButton
              exerciseId={exercise.id}
              locale={locale}
              labels={{ button: t("exercise.regrade"), confirm: t("exercise.regradeConfirm"), queued: t("regrade.adminQueued") }}
            />
          )}
        </div>
        <div className="exercise-work">
          {user ? (
            <Workspace
              key={exercise.id}
              exerciseId={exercise.id}
              starter={starter}
              draft={exercise.draft ? { code: exercise.draft.code, updatedAt: exercise.draft.updatedAt.toISOString() } : null}
              locale={locale}
              messages={pickMessages(locale, ["exercise.", "verdict.", "test.", "auth.networkError", "editor.", "timeline.", "diff."])}
              referenceAvailable={exercise.reference !== null}
              bestSubmissionId={exercise.bestSubmissionId}
              history={exercise.submissions.map((submission) => ({ ...submission, queuedAt: submission.queuedAt.toISOString() }))}
            />
          ) : (
            <>
              <CodeBlock code={starter} language="python" />
              <p className="card">
                {t("exercise.signInToSubmit")} <Link href={authHref("/signin", `/exercises/${exercise.slug}`)}>{t("nav.signIn")}</Link>
                {" · "}
                <Link href={authHref("/signup", `/exercises/${exercise.slug}`)}>{t("nav.signUp")}</Link>
              </p>
            </>
          )}
        </div>
      </div>
      <ItemNav neighbours={neighbours} locale={locale} t={t} />
    </article>
  );
}
