import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server";
import { getLesson } from "@/lib/catalogue/get-lesson";
import { Markdown } from "@/components/markdown";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await getTranslator();
  const lesson = await getLesson((await params).slug);
  return { title: lesson ? (locale === "en" ? lesson.titleEn : lesson.titleZh) : "404" };
}

export default async function LessonPage({ params }: Props) {
  const { locale, t } = await getTranslator();
  const lesson = await getLesson((await params).slug);
  if (!lesson) notFound();
  const next = lesson.next;
  const body = lesson.body[locale];
  return (
    <article className="lesson">
      {/* A lesson whose text opens with its own heading keeps that one. */}
      {!body.trimStart().startsWith("# ") && <h1>{locale === "en" ? lesson.titleEn : lesson.titleZh}</h1>}
      <Markdown>{body}</Markdown>
      {next && next.kind === "EXERCISE" && (
        <p className="card">
          {t("lesson.next")}: <Link href={`/exercises/${next.slug}`}>{locale === "en" ? next.titleEn : next.titleZh}</Link>
        </p>
      )}
    </article>
  );
}
