/** The visitor's language in server components: the cookie, else zh-CN. */
import { cookies } from "next/headers";
import { localeCookie, localeFromCookie, type Locale } from "./locales";
import { translate, type MessageKey } from "./messages";

export async function getLocale(): Promise<Locale> {
  return localeFromCookie((await cookies()).get(localeCookie)?.value);
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export async function getTranslator(): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale();
  return { locale, t: (key, values) => translate(locale, key, values) };
}
