/** The browser's calls to the quiz API, with the server's bilingual error message when one is refused. */
import type { Locale } from "@/lib/i18n/locales";
import type { TQuizAttemptView } from "@/lib/quizzes/build-attempt-view";
import type { TQuestionFeedback } from "@/lib/quizzes/question-feedback";
import type { TShownAnswer } from "@/lib/quizzes/schemas";

type ApiError = { error?: { code?: string; message?: Record<Locale, string>; issues?: { message: Record<Locale, string> }[] } };
export type Outcome<T> = { ok: true; value: T } | { ok: false; status: number; code: string | null; message: string | null };

async function call<T>(url: string, body: unknown, locale: Locale, pick: (json: unknown) => T | undefined): Promise<Outcome<T>> {
  try {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const json = (await response.json().catch(() => ({}))) as unknown;
    const value = response.ok ? pick(json) : undefined;
    if (value !== undefined) return { ok: true, value };
    const error = (json as ApiError).error;
    return {
      ok: false,
      status: response.status,
      code: error?.code ?? null,
      message: error?.issues?.[0]?.message[locale] ?? error?.message?.[locale] ?? null,
    };
  } catch {
    return { ok: false, status: 0, code: null, message: null };
  }
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
