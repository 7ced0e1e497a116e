import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getLesson } from "@/lib/catalogue/get-lesson";
import { getNeighbours } from "@/lib/catalogue/get-neighbours";
import { getLessonReadAt } from "@/lib/progress/get-lesson-read-at";
import { markLessonReadAction } from "@/app/actions/mark-lesson-read";
import { Markdown } from "@/components/markdown";
import { RunSample } from "@/components/lesson/run-sample";
import { isRunnableSample } from "@/lib/catalogue/runnable-sample";
import { pickMessages } from "@/lib/i18n/messages";
import { SourceList } from "@/components/source-list";
import { ItemNav } from "@/components/item-nav";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await getTranslator();
  const lesson = await getLesson((await params).slug);
  return { title: lesson ? (locale === "en" ? lesson.titleEn : lesson.titleZh) : "404" };
}

export default async function LessonPage({ params }: Props) {
  const { locale, t } = await getTranslator();
  const { slug } = await params;
  const [lesson, user, neighbours] = await Promise.all([getLesson(slug), getCurrentUser(), getNeighbours(slug)]);
  if (!lesson) notFound();
  const readAt = user ? await getLessonReadAt(user.id, lesson.id) : null;
  const body = lesson.body[locale];
  const runMessages = pickMessages(locale, ["exercise.", "verdict.", "lesson.", "auth.networkError", "timeline."]);
  return (
    <article className="lesson">
      {/* A lesson whose text opens with its own heading keeps that one. */}
      {!body.trimStart().startsWith("# ") && <h1>{locale === "en" ? lesson.titleEn : lesson.titleZh}</h1>}
      <Markdown
        afterCode={(code, language) =>
          isRunnableSample(code, language) ? (
            <RunSample lessonId={lesson.id} code={code} locale={locale} signedIn={Boolean(user)} messages={runMessages} />
          ) : null
        }
      >
        {body}
      </Markdown>
      <SourceList sources={lesson.sources} t={t} />
      {user &&
        (readAt ? (
          <p className="status status-solved lesson-read" data-testid="lesson-read">
            {t("progress.readAt")}
          </p>
        ) : (
          <form action={markLessonReadAction} className="lesson-read">
            <input type="hidden" name="lessonId" value={lesson.id} />
            <input type="hidden" name="slug" value={lesson.slug} />
            <button type="submit">{t("progress.markRead")}</button>
          </form>
        ))}
      <ItemNav neighbours={neighbours} locale={locale} t={t} />
    </article>
  );
}
