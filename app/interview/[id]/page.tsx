import type { Metadata } from "next";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { orNotFound, requirePageUser } from "@/lib/access/page";
import { pickMessages } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/i18n/server";
import { isOpen } from "@/lib/interviews/find-interview";
import { getInterview } from "@/lib/interviews/get-interview";
import { InterviewRunner } from "@/components/interview/interview-runner";
import { QuizCode } from "@/components/quiz/quiz-code";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("interview.title") };
}

/** A running interview; once it is over (handed in, or its deadline passed) the report instead. */
export default async function InterviewPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/interview/${id}`);
  const { locale, t } = await getTranslator();
  const interview = await orNotFound(getInterview(user.id, id));
  if (!isOpen({ status: interview.status, endsAt: new Date(interview.endsAt) }, new Date())) redirect(`/interview/${id}/report`);
  const codes: Record<string, ReactNode> = {};
  for (const item of interview.items) {
    if (item.kind === "question" && item.question.code && item.question.kind !== "fill_blank") codes[item.question.id] = <QuizCode code={item.question.code} />;
  }
  return (
    <article className="interview-run-page">
      <h1 className="visually-hidden">{t("interview.title")}</h1>
      <InterviewRunner
        interview={interview}
        codes={codes}
        locale={locale}
        messages={pickMessages(locale, ["interview.", "quiz.", "auth.networkError"])}
        editorMessages={pickMessages(locale, ["editor."])}
      />
    </article>
  );
}
