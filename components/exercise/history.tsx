"use client";

import { useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import dynamic from "next/dynamic";

// Loaded when first shown (a result, a diff): not part of the page's first load.
const CodeDiff = dynamic(() => import("@/components/code-diff").then((module) => module.CodeDiff), { ssr: false });
import type { HistoryEntry, Text } from "./types";

type Loaded = Record<string, string>;

/**
 * Every attempt with its verdict: its code on demand, "load into the
 * editor", and a diff of any two (tick two, oldest first). The code is
 * fetched when asked for, so the page does not carry every attempt's text.
 */
export function History({ entries, bestId, locale, text, onShow, onLoad, diffMessages }: {
  entries: HistoryEntry[];
  bestId: string | null;
  locale: Locale;
  text: Text;
  onShow(id: string): void;
  onLoad(code: string): void;
  diffMessages: Record<string, string | undefined>;
}) {
  const [code, setCode] = useState<Loaded>({});
  const [open, setOpen] = useState<string | null>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const numberOf = (id: string) => entries.length - entries.findIndex((entry) => entry.id === id);

  async function codeOf(id: string): Promise<string | null> {
    if (code[id] !== undefined) return code[id];
    try {
      const response = await fetch(`/api/submissions/${id}`, { cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      const body = (await response.json()) as { submission: { code: string } };
      setCode((known) => ({ ...known, [id]: body.submission.code }));
      setProblem(null);
      return body.submission.code;
    } catch {
      setProblem(text("auth.networkError"));
      return null;
    }
  }

  async function toggle(id: string) {
    const next = ticked.includes(id) ? ticked.filter((other) => other !== id) : [...ticked, id].slice(-2);
    setTicked(next);
    await Promise.all(next.map(codeOf));
  }

  const [first, second] = [...ticked].sort((a, b) => numberOf(a) - numberOf(b));
  if (entries.length === 0) return <p className="muted">{text("exercise.noHistory")}</p>;
  return (
    <div className="history">
      {entries.length > 1 && <p className="muted">{text("exercise.compareHint")}</p>}
      {problem && <p role="alert" className="error">{problem}</p>}
      <ol className="history-list" reversed>
        {entries.map((entry) => {
          const number = numberOf(entry.id);
          const label = text("exercise.attempt", { number });
          return (
            <li key={entry.id} data-testid="history-entry">
              <div className="history-row">
                {entries.length > 1 && (
                  <input
                    type="checkbox"
                    aria-label={`${text("exercise.compare")}: ${label}`}
                    checked={ticked.includes(entry.id)}
                    onChange={() => void toggle(entry.id)}
                  />
                )}
                <span className="history-label">
                  <strong>{label}</strong> <time dateTime={entry.queuedAt}>{new Date(entry.queuedAt).toLocaleString(locale)}</time>
                </span>
                <span className={`history-verdict verdict-${(entry.verdict ?? "pending").toLowerCase()}`}>
                  {entry.verdict ? text(`verdict.${entry.verdict}`) : entry.status === "RUNNING" ? text("exercise.running") : text("exercise.queuedNoPosition")}
                  {entry.score !== null && entry.verdict && ` · ${Math.round(entry.score * 100)}%`}
                </span>
                {entry.id === bestId && <span className="badge badge-solved">★ {text("exercise.best")}</span>}
                <span className="history-actions">
                  <button type="button" className="link-button" onClick={() => onShow(entry.id)}>
                    {text("exercise.showResult")}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    aria-expanded={open === entry.id}
                    onClick={() => {
                      setOpen(open === entry.id ? null : entry.id);
                      void codeOf(entry.id);
                    }}
                  >
                    {open === entry.id ? text("exercise.hideCode") : text("exercise.viewCode")}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    onClick={async () => {
                      const loaded = await codeOf(entry.id);
                      if (loaded !== null && window.confirm(text("exercise.loadConfirm"))) onLoad(loaded);
                    }}
                  >
                    {text("exercise.loadCode")}
                  </button>
                </span>
              </div>
              {open === entry.id && (
                <pre className="code-view history-code" aria-label={`${label}: ${text("exercise.viewCode")}`}>
                  {code[entry.id] ?? text("exercise.loadingCode")}
                </pre>
              )}
            </li>
          );
        })}
      </ol>
      {first && second && code[first] !== undefined && code[second] !== undefined && (
        <section className="history-diff" aria-label={text("exercise.diffTitle", { older: text("exercise.attempt", { number: numberOf(first) }), newer: text("exercise.attempt", { number: numberOf(second) }) })}>
          <h3>{text("exercise.diffTitle", { older: text("exercise.attempt", { number: numberOf(first) }), newer: text("exercise.attempt", { number: numberOf(second) }) })}</h3>
          <CodeDiff
            before={code[first]}
            after={code[second]}
            beforeLabel={text("exercise.attempt", { number: numberOf(first) })}
            afterLabel={text("exercise.attempt", { number: numberOf(second) })}
            messages={diffMessages}
          />
        </section>
      )}
    </div>
  );
}
