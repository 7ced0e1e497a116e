"use client";

import type { ReactNode, Ref } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { TAttemptQuestion } from "@/lib/quizzes/build-attempt-view";
import { Markdown } from "../markdown";
import { answerOf, type Draft } from "./drafts";
import { QuestionFeedbackView } from "./question-feedback";
import { QuestionInput } from "./question-input";
import type { Text } from "./text";

/** One question: its number and kind, prompt, code, input, Check, and its feedback once answered. */
export function QuestionCard(props: {
  entry: TAttemptQuestion;
  number: number;
  code: ReactNode;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  /** Absent in the review: nothing more can be answered. */
  onCheck?: () => void;
  checking: boolean;
  error: string | null;
  headingRef?: Ref<HTMLHeadingElement>;
  locale: Locale;
  text: Text;
}) {
  const { entry, number, code, draft, onDraft, onCheck, checking, error, headingRef, locale, text } = props;
  const { question, feedback } = entry;
  const answer = answerOf(question, draft);
  const headingId = `question-${question.id}`;
  return (
    <article className="card quiz-question" id={`q-${number}`} aria-labelledby={headingId} data-kind={question.kind} data-question-id={question.id}>
      <h2 id={headingId} className="quiz-question-heading" tabIndex={-1} ref={headingRef}>
        {text("quiz.questionNumber", { number })}
        <span className="badge">{text(`quiz.kind.${question.kind}`)}</span>
      </h2>
      <Markdown>{question.prompt[locale]}</Markdown>
      {question.kind !== "fill_blank" && code}
      <QuestionInput question={question} draft={draft} onChange={onDraft} feedback={feedback} locale={locale} text={text} />
      {!feedback && onCheck && (
        <div className="actions">
          <button type="button" onClick={onCheck} disabled={answer === null || checking}>
            {checking ? text("quiz.checking") : text("quiz.check")}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div aria-live="polite">{feedback && <QuestionFeedbackView question={question} feedback={feedback} locale={locale} text={text} />}</div>
    </article>
  );
}
