"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { TQuizAttemptView } from "@/lib/quizzes/build-attempt-view";
import { draftOf, type Draft } from "./drafts";
import { QuestionCard } from "./question-card";
import { verdictOf } from "./question-feedback";
import { percent, type Text } from "./text";

/** The score page: the score, how many were right, every question with its feedback, and Retry. */
export function QuizResults(props: {
  attempt: TQuizAttemptView;
  codes: Record<string, ReactNode>;
  drafts: Record<string, Draft>;
  onRetry: () => void;
  retrying: boolean;
  error: string | null;
  locale: Locale;
  text: Text;
}) {
  const { attempt, text, locale } = props;
  const total = attempt.questions.length;
  const verdicts = attempt.questions.map((entry) => (entry.feedback ? verdictOf(entry.feedback) : "unanswered"));
  const correct = verdicts.filter((verdict) => verdict === "correct").length;
  const unanswered = verdicts.filter((verdict) => verdict === "unanswered").length;
  return (
    <div className="quiz-results">
      <section className="card quiz-score" aria-labelledby="quiz-score-heading">
        <h2 id="quiz-score-heading">{text("quiz.results.title")}</h2>
        <p className="quiz-score-value" data-testid="quiz-score">
          {text("quiz.results.score", { percent: percent(attempt.score ?? 0) })}
        </p>
        <p>{text("quiz.results.summary", { correct, total, unanswered })}</p>
        <div className="actions">
          <button type="button" onClick={props.onRetry} disabled={props.retrying}>
            {props.retrying ? text("quiz.starting") : text("quiz.retry")}
          </button>
          <Link className="button secondary" href={`/quizzes/${attempt.quiz.slug}`}>
            {text("quiz.results.back")}
          </Link>
          <Link className="button secondary" href="/quizzes">
            {text("quiz.results.all")}
          </Link>
        </div>
        {props.error && (
          <p className="error" role="alert">
            {props.error}
          </p>
        )}
      </section>
      <h2>{text("quiz.results.review")}</h2>
      {attempt.questions.map((entry, index) => (
        <QuestionCard
          key={entry.question.id}
          entry={entry}
          number={index + 1}
          code={props.codes[entry.question.id] ?? null}
          draft={props.drafts[entry.question.id] ?? draftOf(entry.question, entry.feedback?.answer ?? null)}
          onDraft={() => undefined}
          checking={false}
          error={null}
          locale={locale}
          text={text}
        />
      ))}
    </div>
  );
}
