/**
 * The browser's one way to call the platform's JSON API: sends the body,
 * reads the answer, and when the server refuses, its bilingual message in
 * the reader's language (a field's problem before the general one). A
 * network failure is `status: 0` with no message: the caller says so.
 */
import type { Locale } from "@/lib/i18n/locales";

type ApiError = { error?: { code?: string; message?: Record<Locale, string>; issues?: { message: Record<Locale, string> }[] } };
export type ApiOutcome = { ok: true; status: number; json: unknown } | { ok: false; status: number; code: string | null; message: string | null };

export async function callApi(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, locale: Locale, body?: unknown): Promise<ApiOutcome> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json().catch(() => ({}))) as unknown;
    if (response.ok) return { ok: true, status: response.status, json };
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
