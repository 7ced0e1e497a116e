export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";
export const localeCookie = "awaitable_locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The language a locale cookie's value names, else zh-CN. */
export const localeFromCookie = (value: string | undefined): Locale => (isLocale(value) ? value : defaultLocale);

/** The database enum cannot hold a hyphen. */
export const toDbLocale = (locale: Locale) => (locale === "zh-CN" ? "zh_CN" : "en") as "zh_CN" | "en";
export const fromDbLocale = (locale: "zh_CN" | "en"): Locale => (locale === "zh_CN" ? "zh-CN" : "en");
