"use client";

import type { Locale } from "@/lib/i18n/locales";
import dynamic from "next/dynamic";

// Loaded when first shown (a result, a diff): not part of the page's first load.
const Timeline = dynamic(() => import("@/components/timeline").then((module) => module.Timeline), { ssr: false });
import type { RunView as Run, Text } from "./types";

/** A run: what the program printed, how long it took on its clock, its error and its timeline. Never a score. */
export function RunView({ run, locale, text, timelineMessages }: {
  run: Run;
  locale: Locale;
  text: Text;
  timelineMessages: Record<string, string | undefined>;
}) {
  if (run.status !== "DONE") {
    return (
      <p data-testid="run-status" role="status">
        {run.status === "QUEUED" ? text("exercise.runQueued") : text("exercise.runningProgram")}
      </p>
    );
  }
  const message = locale === "en" ? run.messageEn : run.messageZh;
  const verdict = run.verdict ?? "GRADER_ERROR";
  return (
    <div className="run-view" data-testid="run-result">
      <p role="status">
        <span className={`verdict verdict-${verdict.toLowerCase()}`} data-testid="run-verdict">
          {verdict === "PASSED" ? "✓" : "✗"} {text(`verdict.${verdict}`)}
        </span>{" "}
        {run.elapsed !== null && <span className="muted" data-testid="run-elapsed">{text("exercise.elapsed", { seconds: run.elapsed.toFixed(3) })}</span>}
      </p>
      {message && verdict !== "PASSED" && <p>{message}</p>}
      {run.error?.line && <p className="error-line">{text("exercise.errorAtLine", { line: run.error.line, message: `${run.error.type}: ${run.error.message}` })}</p>}
      <h4>{text("exercise.stdout")}</h4>
      <pre className="code-view" data-testid="run-stdout">{run.stdout || text("exercise.noOutput")}</pre>
      {(run.stderr || run.error?.traceback) && (
        <>
          <h4>{text("exercise.stderr")}</h4>
          <pre className="code-view stderr">{run.stderr || run.error?.traceback}</pre>
        </>
      )}
      {run.trace && run.trace.tasks.length > 0 && (
        <section className="result-timeline" aria-label={text("exercise.timeline")}>
          <h4>{text("exercise.timeline")}</h4>
          <Timeline trace={run.trace} locale={locale} messages={timelineMessages} />
        </section>
      )}
    </div>
  );
}
