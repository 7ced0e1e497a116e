"use client";

import { useSyncExternalStore } from "react";
import { bilingual } from "@/lib/i18n/messages";
import { defaultLocale, locales, type Locale } from "@/lib/i18n/locales";

const subscribeNever = () => () => undefined;

function pageLocale(): Locale {
  const lang = document.documentElement.lang;
  return (locales as readonly string[]).includes(lang) ? (lang as Locale) : defaultLocale;
}

/** A page that failed while rendering: in the language the layout chose (its <html lang>), with a retry. */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useSyncExternalStore(subscribeNever, pageLocale, () => defaultLocale);
  return (
    <section className="card" role="alert">
      {/* React puts it in the head: the page keeps a title of its own in the chosen language. */}
      <title>{`${bilingual("error.pageTitle")[locale]} — Awaitable`}</title>
      <h1>{bilingual("error.pageTitle")[locale]}</h1>
      <p>{bilingual("error.pageText")[locale]}</p>
      <button type="button" onClick={() => reset()}>
        {bilingual("error.retry")[locale]}
      </button>
    </section>
  );
}
