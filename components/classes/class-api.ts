/** The browser's calls to the classes API, with the server's bilingual message when one is refused. */
import type { Locale } from "@/lib/i18n/locales";

type ApiError = { error?: { message?: Record<Locale, string>; issues?: { message: Record<Locale, string> }[] } };
export type Outcome = { ok: true; json: unknown } | { ok: false; message: string | null };

export async function callClassApi(method: "POST" | "PATCH" | "DELETE", url: string, locale: Locale, body?: unknown): Promise<Outcome> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json().catch(() => ({}))) as unknown;
    if (response.ok) return { ok: true, json };
    const error = (json as ApiError).error;
    return { ok: false, message: error?.issues?.[0]?.message[locale] ?? error?.message?.[locale] ?? null };
  } catch {
    return { ok: false, message: null };
  }
}
