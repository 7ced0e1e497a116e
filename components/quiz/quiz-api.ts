/** The browser's calls to the quiz API, with the server's bilingual error message when one is refused. */
import type { Locale } from "@/lib/i18n/locales";
import { callApi } from "../api-call";
import type { TQuizAttemptView } from "@/lib/quizzes/build-attempt-view";
import type { TQuestionFeedback } from "@/lib/quizzes/question-feedback";
import type { TShownAnswer } from "@/lib/quizzes/schemas";

export type Outcome<T> = { ok: true; value: T } | { ok: false; status: number; code: string | null; message: string | null };

async function call<T>(url: string, body: unknown, locale: Locale, pick: (json: unknown) => T | undefined): Promise<Outcome<T>> {
  const outcome = await callApi("POST", url, locale, body);
  if (!outcome.ok) return outcome;
  const value = pick(outcome.json);
  // An answer without what was asked for is a failure the page reports like any other.
  return value === undefined ? { ok: false, status: outcome.status, code: null, message: null } : { ok: true, value };
}

export const startAttempt = (slug: string, locale: Locale) =>
  call(`/api/quizzes/${encodeURIComponent(slug)}/attempts`, {}, locale, (json) => (json as { attempt?: TQuizAttemptView }).attempt);

export const answerQuestion = (attemptId: string, questionId: string, answer: TShownAnswer, locale: Locale) =>
  call(`/api/quiz-attempts/${attemptId}/answers`, { questionId, answer }, locale, (json) => (json as { feedback?: TQuestionFeedback }).feedback);

export const finishAttempt = (attemptId: string, locale: Locale) =>
  call(`/api/quiz-attempts/${attemptId}/finish`, {}, locale, (json) => (json as { attempt?: TQuizAttemptView }).attempt);

export async function fetchAttempt(attemptId: string): Promise<TQuizAttemptView | null> {
  try {
    const response = await fetch(`/api/quiz-attempts/${attemptId}`, { cache: "no-store" });
    return response.ok ? ((await response.json()) as { attempt: TQuizAttemptView }).attempt : null;
  } catch {
    return null;
  }
}
