"use client";

import { useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import dynamic from "next/dynamic";

// Loaded when first shown (a result, a diff): not part of the page's first load.
const Timeline = dynamic(() => import("@/components/timeline").then((module) => module.Timeline), { ssr: false });
import { ReferenceComparison } from "./reference-comparison";
import type { SubmissionView, Text } from "./types";

/**
 * A graded submission: the verdict banner and score, one row per test (its
 * message, its measured duration), each test's own output and error, and the
 * timeline of the test the student picks (the first that did not pass, by
 * default).
 */
export function ResultView({ submission, locale, text, timelineMessages, exerciseId, referenceAvailable }: {
  submission: SubmissionView;
  exerciseId: string;
  /** Solved or tried often enough: the reference's timeline may be shown beside this one. */
  referenceAvailable: boolean;
  locale: Locale;
  text: Text;
  timelineMessages: Record<string, string | undefined>;
}) {
  const zh = locale === "zh-CN";
  const tests = submission.testResults;
  // As the grader picks the run to show: the first test that did not pass, else the busiest.
  const firstProblem =
    tests.find((test) => test.status !== "PASSED" && test.trace) ??
    [...tests].filter((test) => test.trace).sort((a, b) => (b.trace?.tasks.length ?? 0) - (a.trace?.tasks.length ?? 0))[0];
  const [picked, setPicked] = useState<string | null>(firstProblem?.testId ?? null);
  const pickedTest = tests.find((test) => test.testId === picked) ?? null;
  const trace = pickedTest?.trace ?? submission.trace;
  const verdict = submission.verdict ?? "GRADER_ERROR";
  const message = zh ? submission.messageZh : submission.messageEn;
  const testsWithTraces = tests.filter((test) => test.trace);
  return (
    <div className={`result-view verdict-banner-${verdict.toLowerCase()}`}>
      <p className="verdict-banner" role="status">
        <span data-testid="verdict" className={`verdict verdict-${verdict.toLowerCase()}`}>
          {text(`verdict.${verdict}`)}
        </span>
        <span className="score">
          {text("exercise.score")}: {Math.round((submission.score ?? 0) * 100)}%
        </span>
      </p>
      {message && <p className="verdict-message">{message}</p>}
      {submission.error?.line && (
        <p className="error-line">{text("exercise.errorAtLine", { line: submission.error.line, message: `${submission.error.type}: ${submission.error.message}` })}</p>
      )}
      {tests.length > 0 && (
        <table className="table tests">
          <caption>{text("exercise.tests")}</caption>
          <thead>
            <tr>
              <th scope="col">{text("exercise.testStatus")}</th>
              <th scope="col">{text("exercise.testName")}</th>
              <th scope="col">{text("exercise.testExpected")}</th>
              <th scope="col">{text("exercise.testDuration")}</th>
            </tr>
          </thead>
          <tbody>
            {tests.map((test) => {
              const testMessage = zh ? test.messageZh : test.messageEn;
              const output = [test.stdout, test.stderr].filter(Boolean).join("");
              return (
                <tr key={test.testId} className={`test-${test.status.toLowerCase()}`} data-testid="test-row">
                  <td className="test-status">
                    <span aria-hidden="true">{test.status === "PASSED" ? "✓ " : test.status === "SKIPPED" ? "– " : "✗ "}</span>
                    {text(`test.${test.status}`)}
                  </td>
                  <td>
                    <strong>{zh ? test.nameZh : test.nameEn}</strong>
                    {testMessage && <div className="test-message">{testMessage}</div>}
                    {test.error && test.error.traceback && (
                      <details className="test-error">
                        <summary>
                          {text("exercise.testError")}: {test.error.type}
                          {test.error.line ? ` (${text("exercise.errorAtLine", { line: test.error.line, message: "" }).replace(/[:：]\s*$/, "")})` : ""}
                        </summary>
                        <pre className="code-view">{test.error.traceback}</pre>
                      </details>
                    )}
                    {output && (
                      <details className="test-output">
                        <summary>{text("exercise.testOutput")}</summary>
                        <pre className="code-view">{output}</pre>
                      </details>
                    )}
                  </td>
                  <td className="muted duration" data-testid="test-expected">
                    {test.expectedSeconds === null || test.expectedSeconds === undefined
                      ? ""
                      : `${formatSeconds(test.expectedSeconds)} ± ${formatSeconds(test.toleranceSeconds ?? 0)} s`}
                  </td>
                  <td className="muted duration" data-testid="test-duration">{test.durationSeconds === null ? "" : `${test.durationSeconds.toFixed(3)} s`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {trace && trace.tasks.length > 0 && (
        <section className="result-timeline" aria-label={text("exercise.timeline")}>
          <h3>{pickedTest ? text("exercise.timelineOf", { test: zh ? pickedTest.nameZh : pickedTest.nameEn }) : text("exercise.timeline")}</h3>
          {testsWithTraces.length > 1 && (
            <label className="test-picker">
              {text("exercise.pickTest")}{" "}
              <select value={picked ?? ""} onChange={(event) => setPicked(event.target.value)}>
                {testsWithTraces.map((test) => (
                  <option key={test.testId} value={test.testId}>
                    {zh ? test.nameZh : test.nameEn} — {text(`test.${test.status}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <Timeline trace={trace} locale={locale} messages={timelineMessages} />
          {referenceAvailable && (
            <ReferenceComparison
              key={`${submission.id}:${picked ?? ""}`}
              exerciseId={exerciseId}
              testId={pickedTest?.testId ?? null}
              trace={trace}
              locale={locale}
              text={text}
              messages={timelineMessages}
            />
          )}
        </section>
      )}
      {!tests.some((test) => test.stdout || test.stderr) && (submission.stdout || submission.stderr) && (
        <details className="test-output">
          <summary>{text("exercise.output")}</summary>
          <pre className="code-view">
            {submission.stdout}
            {submission.stderr}
          </pre>
        </details>
      )}
    </div>
  );
}

/** 0.5 → "0.5", 0.01 → "0.01", 1.2345 → "1.235": as many places as the number needs, at most three. */
function formatSeconds(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
