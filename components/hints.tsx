"use client";

import { useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { Markdown } from "./markdown-client";

type Bilingual = { "zh-CN": string; en: string };

/**
 * Hints one at a time, weakest first. The server decides what is unlocked
 * (the first at once, one more per attempt) and remembers what was revealed,
 * so a hint's text reaches the page only once asked for.
 */
export function Hints(props: {
  exerciseId: string;
  locale: Locale;
  total: number;
  unlocked: number;
  revealed: Bilingual[];
  signedIn: boolean;
  labels: { show: string; next: string; title: string; lockedAfter: string; count: string };
}) {
  const [revealed, setRevealed] = useState(props.revealed);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (props.total === 0) return null;
  const shown = revealed.length;
  const canReveal = props.signedIn && shown < props.total && shown < props.unlocked;

  async function reveal() {
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch(`/api/exercises/${props.exerciseId}/hints`, { method: "POST" });
      const body = (await response.json().catch(() => ({}))) as { revealed?: Bilingual[]; error?: { message?: Bilingual } };
      if (!response.ok || !body.revealed) {
        setProblem(body.error?.message?.[props.locale] ?? "…");
        return;
      }
      setRevealed(body.revealed);
    } catch {
      setProblem(props.locale === "en" ? "Cannot reach the server." : "无法连接服务器。");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="hints" aria-labelledby="hints-title">
      <h2 id="hints-title">{props.labels.count.replace("{shown}", String(shown)).replace("{total}", String(props.total))}</h2>
      {shown > 0 && (
        <ol>
          {revealed.map((hint, index) => (
            <li key={index}>
              <Markdown>{hint[props.locale]}</Markdown>
            </li>
          ))}
        </ol>
      )}
      {shown < props.total && props.signedIn && (
        <p>
          <button type="button" className="secondary" onClick={() => void reveal()} disabled={!canReveal || busy}>
            {shown === 0 ? props.labels.show : props.labels.next} ({shown + 1}/{props.total})
          </button>{" "}
          {!canReveal && <span className="muted">{props.labels.lockedAfter.replace("{count}", String(shown + 1 - props.unlocked))}</span>}
        </p>
      )}
      {problem && <p role="alert" className="error">{problem}</p>}
    </section>
  );
}
