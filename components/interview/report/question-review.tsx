"use client";

import { useMemo, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { TReportQuestion } from "@/lib/interviews/get-report";
import { Markdown } from "@/components/markdown";
import { draftOf } from "@/components/quiz/drafts";
import { QuestionFeedbackView } from "@/components/quiz/question-feedback";
import { QuestionInput } from "@/components/quiz/question-input";
import { makeText, type Messages, type Text } from "@/components/quiz/text";
import { clock } from "./format";

/** The time an item was open, its flag, its concepts: the line under each item's heading. */
export function ItemMeta({ seconds, flagged, concepts, text }: { seconds: number; flagged: boolean; concepts: string[]; text: Text }) {
  return (
    <p className="interview-report-meta">
      <span data-testid="item-time">{text("interview.report.time", { time: clock(seconds) })}</span>
      {flagged && (
        <span className="interview-report-flag" data-testid="item-flagged">
          <span aria-hidden="true">⚑ </span>
          {text("interview.report.flaggedMark")}
        </span>
      )}
      {concepts.length > 0 && (
        <span className="interview-report-tags">
          {concepts.map((concept) => (
            <code key={concept} className="interview-report-concept">
              {concept}
            </code>
          ))}
        </span>
      )}
    </p>
  );
}

/** Every question in the order it was asked, frozen with the candidate's answer marked, the right one and the explanation (the quiz review's parts). */
export function QuestionReview(props: { questions: TReportQuestion[]; codes: Record<string, ReactNode>; locale: Locale; messages: Messages }) {
  const { questions, codes, locale } = props;
  const text = useMemo(() => makeText(props.messages), [props.messages]);
  if (questions.length === 0) return null;
  return (
    <section className="interview-report-questions" aria-labelledby="interview-report-questions">
      <h2 id="interview-report-questions">{text("interview.report.questions")}</h2>
      {questions.map(({ position, question, feedback, concepts, seconds, flagged }) => {
        const headingId = `interview-question-${position}`;
        return (
          <article
            key={question.id}
            className="card quiz-question interview-report-item"
            id={`item-${position + 1}`}
            aria-labelledby={headingId}
            data-kind={question.kind}
            data-testid="report-question"
          >
            <h3 id={headingId} className="quiz-question-heading">
              {text("interview.run.question", { number: position + 1 })}
              <span className="badge">{text(`quiz.kind.${question.kind}`)}</span>
            </h3>
            <ItemMeta seconds={seconds} flagged={flagged} concepts={concepts} text={text} />
            <Markdown>{question.prompt[locale]}</Markdown>
            {question.kind !== "fill_blank" && codes[question.id]}
            <QuestionInput question={question} draft={draftOf(question, feedback.answer)} onChange={() => undefined} feedback={feedback} locale={locale} text={text} />
            <QuestionFeedbackView question={question} feedback={feedback} locale={locale} text={text} />
          </article>
        );
      })}
    </section>
  );
}
