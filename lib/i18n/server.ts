/** The visitor's language in server components: the cookie, else zh-CN. */
import { cookies } from "next/headers";
import { defaultLocale, isLocale, localeCookie, type Locale } from "./locales";
import { translate, type MessageKey } from "./messages";

export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(localeCookie)?.value;
  return isLocale(value) ? value : defaultLocale;
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export async function getTranslator(): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale();
  return { locale, t: (key, values) => translate(locale, key, values) };
}
