"use client";

import { useMemo, useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { RunView } from "@/components/exercise/run-view";
import { textOf, type RunView as Run } from "@/components/exercise/types";
import { pickRun, useLiveState } from "@/components/exercise/use-live-state";

/**
 * A lesson's runnable sample: Run sends it through the grader's run path
 * (the sandbox, the virtual clock) and shows its output and timeline under
 * the code. Guests are asked to sign in (runs are per student).
 */
export function RunSample(props: { lessonId: string; code: string; locale: Locale; signedIn: boolean; messages: Record<string, string | undefined> }) {
  const text = useMemo(() => textOf(props.messages), [props.messages]);
  const run = useLiveState<Run>("runs", pickRun<Run>);
  const [started, setStarted] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch("/api/runs", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ itemId: props.lessonId, code: props.code }),
      });
      const body = (await response.json().catch(() => ({}))) as { run?: { id: string }; error?: { message?: Record<Locale, string> } };
      if (!response.ok || !body.run) {
        setProblem(body.error?.message?.[props.locale] ?? text("auth.networkError"));
        return;
      }
      setStarted(true);
      run.reset();
      run.watch(body.run.id);
    } catch {
      setProblem(text("auth.networkError"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="run-sample">
      {props.signedIn ? (
        <button type="button" className="secondary" onClick={() => void start()} disabled={busy}>
          ▶ {text("exercise.run")}
        </button>
      ) : (
        <p className="muted">{text("lesson.signInToRun")}</p>
      )}
      {problem && <p role="alert" className="error">{problem}</p>}
      {started && (
        <div className="card result" aria-live="polite">
          {run.trouble && <p className="muted">{text("exercise.reconnecting")}</p>}
          {run.state ? <RunView run={run.state} locale={props.locale} text={text} timelineMessages={props.messages} /> : <p>{text("exercise.runQueued")}</p>}
        </div>
      )}
    </div>
  );
}
