"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { callApi } from "../api-call";

/**
 * One button that calls the classes API (after a confirmation when it
 * takes something away), then shows the page again as it now is, or goes
 * to `then`. A refusal is shown beside it in the visitor's language.
 */
export function ActionButton(props: {
  method: "POST" | "PATCH" | "DELETE";
  url: string;
  body?: unknown;
  label: string;
  /** The accessible name when the label alone is ambiguous ("Remove" in a table row). */
  ariaLabel?: string;
  confirm?: string;
  then?: string;
  danger?: boolean;
  locale: Locale;
  text: { working: string; networkError: string };
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function act() {
    if (props.confirm && !window.confirm(props.confirm)) return;
    setPending(true);
    setError(null);
    const outcome = await callApi(props.method, props.url, props.locale, props.body);
    if (!outcome.ok) {
      setPending(false);
      setError(outcome.message ?? props.text.networkError);
      return;
    }
    if (props.then) router.push(props.then);
    else router.refresh();
    setPending(false);
  }

  return (
    <span className="class-action">
      <button
        type="button"
        className={props.danger ? "button-danger" : undefined}
        aria-label={props.ariaLabel}
        disabled={pending}
        onClick={() => void act()}
      >
        {pending ? props.text.working : props.label}
      </button>
      {error ? (
        <span role="alert" className="error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
