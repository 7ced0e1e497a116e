"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { FORMAT_NAMES, LEVEL_NAMES, type TInterviewFormat, type TInterviewLevel } from "@/lib/interviews/formats";
import { callApi } from "../api-call";
import { makeText, type Messages } from "../quiz/text";

/** Length and level, then Start: the server draws the interview and the page opens it. */
export function StartInterviewForm({ locale, messages }: { locale: Locale; messages: Messages }) {
  const text = makeText(messages);
  const router = useRouter();
  const [format, setFormat] = useState<TInterviewFormat>("short");
  const [level, setLevel] = useState<TInterviewLevel>("junior");
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setStarting(true);
    setError(null);
    const outcome = await callApi("POST", "/api/interviews", locale, { format, level });
    const id = outcome.ok ? (outcome.json as { interview?: { id?: string } }).interview?.id : undefined;
    if (!id) {
      setStarting(false);
      setError((outcome.ok ? null : outcome.message) ?? text("auth.networkError"));
      return;
    }
    router.push(`/interview/${id}`);
  }

  return (
    <form
      className="card interview-start"
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      <h2>{text("interview.start.title")}</h2>
      <fieldset>
        <legend>{text("interview.start.format")}</legend>
        {FORMAT_NAMES.map((name) => (
          <label key={name} className="interview-choice">
            <input type="radio" name="format" value={name} checked={format === name} onChange={() => setFormat(name)} />{" "}
            {text(`interview.format.${name}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{text("interview.start.level")}</legend>
        {LEVEL_NAMES.map((name) => (
          <label key={name} className="interview-choice">
            <input type="radio" name="level" value={name} checked={level === name} onChange={() => setLevel(name)} /> {text(`interview.level.${name}`)}
          </label>
        ))}
      </fieldset>
      <p className="hint">{text("interview.start.rules")}</p>
      <div className="actions">
        <button type="submit" disabled={starting}>
          {starting ? text("interview.start.starting") : text("interview.start.button")}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
