"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { TQuizAttemptView } from "@/lib/quizzes/build-attempt-view";
import { answerOf, draftOf, type Draft } from "./drafts";
import { useQuizLayout } from "./layout-preference";
import { QuestionCard } from "./question-card";
import { verdictOf } from "./question-feedback";
import { answerQuestion, fetchAttempt, finishAttempt, startAttempt } from "./quiz-api";
import { QuizResults } from "./quiz-results";
import { makeText, type Messages } from "./text";

const STATE_SIGN = { correct: "✓", partial: "◐", incorrect: "✗", unanswered: "" } as const;

/**
 * Taking a quiz: one question at a time (progress, previous/next and a
 * navigator) or all on one page, each checked on its own; then the score
 * page. Every answer is scored by the server; this component only ever
 * holds what the server chose to send.
 */
export function QuizAttempt(props: { attempt: TQuizAttemptView; codes: Record<string, ReactNode>; locale: Locale; messages: Messages }) {
  const { locale } = props;
  const text = makeText(props.messages);
  const router = useRouter();
  const [attempt, setAttempt] = useState(props.attempt);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(props.attempt.questions.map((entry) => [entry.question.id, draftOf(entry.question, entry.feedback?.answer ?? null)])),
  );
  const firstOpen = props.attempt.questions.findIndex((entry) => entry.feedback === null);
  const [current, setCurrent] = useState(firstOpen < 0 ? 0 : firstOpen);
  const [layout, setLayout] = useQuizLayout();
  const [checking, setChecking] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [finishing, setFinishing] = useState(false);
  const [finishError, setFinishError] = useState<string | null>(null);
  const [retrying, setRetrying] = useState(false);
  const headings = useRef(new Map<number, HTMLHeadingElement>());
  const moved = useRef(false);

  const total = attempt.questions.length;
  const answered = attempt.questions.filter((entry) => entry.feedback !== null).length;

  // After "previous", "next" or the navigator, the question's heading takes the focus (screen readers read it).
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    const heading = headings.current.get(current);
    heading?.focus();
    if (layout === "all") heading?.scrollIntoView({ block: "start" });
  }, [current, layout]);

  function go(index: number) {
    moved.current = true;
    setCurrent(Math.max(0, Math.min(total - 1, index)));
  }

  async function check(questionId: string) {
    const entry = attempt.questions.find((candidate) => candidate.question.id === questionId);
    const draft = drafts[questionId];
    const answer = entry && draft ? answerOf(entry.question, draft) : null;
    if (!answer) return;
    setChecking(questionId);
    setErrors(({ [questionId]: _cleared, ...others }) => others);
    const outcome = await answerQuestion(attempt.id, questionId, answer, locale);
    setChecking(null);
    if (outcome.ok) {
      setAttempt((previous) => ({
        ...previous,
        questions: previous.questions.map((candidate) => (candidate.question.id === questionId ? { ...candidate, feedback: outcome.value } : candidate)),
      }));
      return;
    }
    setErrors((others) => ({ ...others, [questionId]: outcome.message ?? text("quiz.networkError") }));
    // Answered elsewhere (another tab) or handed in: show what the server holds.
    if (outcome.status === 409) {
      const fresh = await fetchAttempt(attempt.id);
      if (fresh) setAttempt(fresh);
    }
  }

  async function finish() {
    setFinishing(true);
    setFinishError(null);
    const outcome = await finishAttempt(attempt.id, locale);
    setFinishing(false);
    if (!outcome.ok) {
      setFinishError(outcome.message ?? text("quiz.networkError"));
      return;
    }
    setAttempt(outcome.value);
    window.scrollTo({ top: 0 });
  }

  async function retry() {
    setRetrying(true);
    const outcome = await startAttempt(attempt.quiz.slug, locale);
    if (outcome.ok) {
      router.push(`/quizzes/${attempt.quiz.slug}/attempts/${outcome.value.id}`);
      return;
    }
    setRetrying(false);
    setFinishError(outcome.message ?? text("quiz.networkError"));
  }

  if (attempt.submittedAt) {
    return (
      <QuizResults
        attempt={attempt}
        codes={props.codes}
        drafts={drafts}
        onRetry={() => void retry()}
        retrying={retrying}
        error={finishError}
        locale={locale}
        text={text}
      />
    );
  }

  const card = (index: number) => {
    const entry = attempt.questions[index]!;
    const id = entry.question.id;
    return (
      <QuestionCard
        key={id}
        entry={entry}
        number={index + 1}
        code={props.codes[id] ?? null}
        draft={drafts[id] ?? draftOf(entry.question, null)}
        onDraft={(draft) => setDrafts((others) => ({ ...others, [id]: draft }))}
        onCheck={() => void check(id)}
        checking={checking === id}
        error={errors[id] ?? null}
        headingRef={(element) => {
          if (element) headings.current.set(index, element);
          else headings.current.delete(index);
        }}
        locale={locale}
        text={text}
      />
    );
  };

  return (
    <div className="quiz-attempt">
      <div className="quiz-toolbar">
        <p className="quiz-progress" aria-live="polite">
          {layout === "one" && <strong data-testid="quiz-progress">{text("quiz.progress", { current: current + 1, total })}</strong>}{" "}
          <span className="muted">{text("quiz.answeredCount", { answered, total })}</span>
        </p>
        <div className="quiz-layout" role="group" aria-label={text("quiz.layout")}>
          {(["one", "all"] as const).map((option) => (
            <button key={option} type="button" className="secondary" aria-pressed={layout === option} onClick={() => setLayout(option)}>
              {text(`quiz.layout.${option}`)}
            </button>
          ))}
        </div>
      </div>
      <nav className="quiz-navigator" aria-label={text("quiz.navigator")}>
        <ol>
          {attempt.questions.map((entry, index) => {
            const state = entry.feedback ? verdictOf(entry.feedback) : "unanswered";
            return (
              <li key={entry.question.id}>
                <button
                  type="button"
                  className={`quiz-nav quiz-nav-${state}`}
                  aria-current={layout === "one" && index === current ? "step" : undefined}
                  aria-label={`${text("quiz.questionNumber", { number: index + 1 })}, ${text(`quiz.state.${state}`)}`}
                  onClick={() => go(index)}
                >
                  {index + 1}
                  {STATE_SIGN[state] && <span aria-hidden="true"> {STATE_SIGN[state]}</span>}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      {layout === "one" ? (
        <>
          {card(current)}
          <div className="actions quiz-steps">
            <button type="button" className="secondary" onClick={() => go(current - 1)} disabled={current === 0}>
              ← {text("quiz.previous")}
            </button>
            <button type="button" className="secondary" onClick={() => go(current + 1)} disabled={current === total - 1}>
              {text("quiz.next")} →
            </button>
          </div>
        </>
      ) : (
        attempt.questions.map((_, index) => card(index))
      )}

      <section className="card quiz-finish">
        <p>{text("quiz.answeredCount", { answered, total })}</p>
        {answered < total && <p className="hint">{text("quiz.unansweredWarning", { count: total - answered })}</p>}
        <button type="button" onClick={() => void finish()} disabled={finishing}>
          {finishing ? text("quiz.finishing") : text("quiz.finish")}
        </button>
        {finishError && (
          <p className="error" role="alert">
            {finishError}
          </p>
        )}
        <p>
          <Link href={`/quizzes/${attempt.quiz.slug}`}>{text("quiz.results.back")}</Link>
        </p>
      </section>
    </div>
  );
}
