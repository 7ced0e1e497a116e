"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { nextPollDelay } from "@/lib/submissions/poll-delay";
import type { TTrace } from "@/grader/result";
import { Timeline } from "./timeline";

type Verdict = "PASSED" | "FAILED" | "SYNTAX_ERROR" | "RUNTIME_ERROR" | "TIME_LIMIT" | "MEMORY_LIMIT" | "OUTPUT_LIMIT" | "GRADER_ERROR";

type Submission = {
  id: string;
  status: "QUEUED" | "RUNNING" | "DONE";
  verdict: Verdict | null;
  score: number | null;
  queuePosition: number | null;
  messageZh: string | null;
  messageEn: string | null;
  stdout: string | null;
  stderr: string | null;
  trace: TTrace | null;
  testResults: {
    testId: string;
    nameZh: string;
    nameEn: string;
    status: "PASSED" | "FAILED" | "ERROR" | "SKIPPED";
    weight: number;
    messageZh: string | null;
    messageEn: string | null;
    durationSeconds: number | null;
  }[];
};

type HistoryEntry = { id: string; status: string; verdict: string | null; score: number | null; queuedAt: string };

type ApiError = { error?: { message?: Record<Locale, string>; issues?: { message: Record<Locale, string> }[] } };


export function SubmissionPanel(props: {
  exerciseId: string;
  starter: string;
  locale: Locale;
  messages: Record<string, string | undefined>;
  history: HistoryEntry[];
}) {
  const text = (key: string, values: Record<string, string | number> = {}) =>
    (props.messages[key] ?? key).replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));
  const [code, setCode] = useState(props.starter);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [submission, setSubmission] = useState<Submission | null>(null);
  const [history, setHistory] = useState(props.history);
  const [pollTrouble, setPollTrouble] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const watch = useCallback((id: string) => {
    let failures = 0;
    let last: Submission | null = null;
    const poll = async () => {
      try {
        const response = await fetch(`/api/submissions/${id}`, { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { submission: Submission };
        failures = 0;
        last = body.submission;
        setPollTrouble(false);
        setSubmission(body.submission);
        if (body.submission.status === "DONE") {
          setHistory((entries) =>
            entries.map((entry) =>
              entry.id === id ? { ...entry, status: "DONE", verdict: body.submission.verdict, score: body.submission.score } : entry,
            ),
          );
          return;
        }
      } catch {
        failures += 1;
        setPollTrouble(true);
      }
      timer.current = setTimeout(() => void poll(), nextPollDelay(last, failures));
    };
    if (timer.current) clearTimeout(timer.current);
    void poll();
  }, []);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  async function submit() {
    setSending(true);
    setError(null);
    try {
      const response = await fetch("/api/submissions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ exerciseId: props.exerciseId, code }),
      });
      const body = (await response.json().catch(() => ({}))) as ApiError & { submission?: { id: string; queuedAt: string } };
      if (!response.ok || !body.submission) {
        const issue = body.error?.issues?.[0]?.message[props.locale];
        setError(issue ?? body.error?.message?.[props.locale] ?? text("auth.networkError"));
        return;
      }
      const created = body.submission;
      setHistory((entries) => [{ id: created.id, status: "QUEUED", verdict: null, score: null, queuedAt: created.queuedAt }, ...entries]);
      setSubmission(null);
      watch(created.id);
    } catch {
      setError(text("auth.networkError"));
    } finally {
      setSending(false);
    }
  }

  const zh = props.locale === "zh-CN";
  return (
    <section className="submission-panel">
      <label className="editor-label" htmlFor="code-editor">
        {text("exercise.editorLabel")}
      </label>
      <textarea
        id="code-editor"
        className="code-editor"
        spellCheck={false}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        onKeyDown={(event) => {
          // Tab indents, as in any code editor.
          if (event.key === "Tab") {
            event.preventDefault();
            const target = event.currentTarget;
            const { selectionStart, selectionEnd } = target;
            setCode(`${code.slice(0, selectionStart)}    ${code.slice(selectionEnd)}`);
            requestAnimationFrame(() => target.setSelectionRange(selectionStart + 4, selectionStart + 4));
          }
        }}
        rows={Math.min(30, Math.max(12, code.split("\n").length + 1))}
      />
      <div className="actions">
        <button type="button" onClick={() => void submit()} disabled={sending}>
          {sending ? text("exercise.submitting") : text("exercise.submit")}
        </button>
        <button type="button" className="secondary" onClick={() => setCode(props.starter)}>
          {text("exercise.reset")}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}

      {submission && (
        <div className="card result" data-testid="submission-result" aria-live="polite">
          {submission.status === "QUEUED" && (
            <p data-testid="submission-status">
              {submission.queuePosition ? text("exercise.queued", { position: submission.queuePosition }) : text("exercise.queuedNoPosition")}
            </p>
          )}
          {submission.status === "RUNNING" && <p data-testid="submission-status">{text("exercise.running")}</p>}
          {pollTrouble && <p className="muted">{text("exercise.failedToLoad")}</p>}
          {submission.status === "DONE" && submission.verdict && (
            <>
              <p>
                <span data-testid="verdict" className={`verdict verdict-${submission.verdict.toLowerCase()}`}>
                  {text(`verdict.${submission.verdict}`)}
                </span>{" "}
                <span className="muted">
                  {text("exercise.score")}: {Math.round((submission.score ?? 0) * 100)}%
                </span>
              </p>
              {(zh ? submission.messageZh : submission.messageEn) && <p>{zh ? submission.messageZh : submission.messageEn}</p>}
              {submission.testResults.length > 0 && (
                <table className="table tests">
                  <caption>{text("exercise.tests")}</caption>
                  <tbody>
                    {submission.testResults.map((test) => (
                      <tr key={test.testId} className={`test-${test.status.toLowerCase()}`}>
                        <td className="test-status">{text(`test.${test.status}`)}</td>
                        <td>
                          <strong>{zh ? test.nameZh : test.nameEn}</strong>
                          {(zh ? test.messageZh : test.messageEn) && <div className="test-message">{zh ? test.messageZh : test.messageEn}</div>}
                        </td>
                        <td className="muted">{test.durationSeconds === null ? "" : `${test.durationSeconds.toFixed(3)} s`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {submission.trace && (submission.trace.tasks.length > 0 || submission.trace.threads.length > 0) && (
                <>
                  <h3>{text("exercise.timeline")}</h3>
                  <Timeline trace={submission.trace} locale={props.locale} messages={props.messages} fileName={`awaitable-trace-${submission.id.slice(0, 8)}`} />
                </>
              )}
              {(submission.stdout || submission.stderr) && (
                <>
                  <h3>{text("exercise.output")}</h3>
                  <pre className="code-view">
                    {submission.stdout}
                    {submission.stderr}
                  </pre>
                </>
              )}
            </>
          )}
        </div>
      )}

      <h2>{text("exercise.history")}</h2>
      {history.length === 0 ? (
        <p className="muted">{text("exercise.noHistory")}</p>
      ) : (
        <ul className="history">
          {history.map((entry) => (
            <li key={entry.id}>
              <button type="button" className="link-button" onClick={() => watch(entry.id)}>
                {new Date(entry.queuedAt).toLocaleString(props.locale)}
              </button>{" "}
              {entry.verdict ? text(`verdict.${entry.verdict}`) : entry.status === "RUNNING" ? text("exercise.running") : text("exercise.queuedNoPosition")}
              {entry.score !== null && entry.verdict && ` · ${Math.round(entry.score * 100)}%`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
