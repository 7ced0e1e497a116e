"use client";

import { useSyncExternalStore } from "react";
import { errorPageText } from "@/lib/i18n/areas/error-page";
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
      <title>{`${errorPageText[locale]["error.pageTitle"]} — Awaitable`}</title>
      <h1>{errorPageText[locale]["error.pageTitle"]}</h1>
      <p>{errorPageText[locale]["error.pageText"]}</p>
      <button type="button" onClick={() => reset()}>
        {errorPageText[locale]["error.retry"]}
      </button>
    </section>
  );
}
