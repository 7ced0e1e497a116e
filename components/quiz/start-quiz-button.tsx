"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { startAttempt } from "./quiz-api";

/** Starts an attempt on the server (or gets back the open one) and goes to it. */
export function StartQuizButton(props: {
  slug: string;
  locale: Locale;
  label: string;
  labels: { starting: string; networkError: string };
  className?: string;
}) {
  const router = useRouter();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function begin() {
    setStarting(true);
    setError(null);
    const outcome = await startAttempt(props.slug, props.locale);
    if (outcome.ok) {
      router.push(`/quizzes/${props.slug}/attempts/${outcome.value.id}`);
      return;
    }
    setStarting(false);
    setError(outcome.message ?? props.labels.networkError);
  }

  return (
    <span className="quiz-start">
      <button type="button" className={props.className} onClick={() => void begin()} disabled={starting}>
        {starting ? props.labels.starting : props.label}
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
