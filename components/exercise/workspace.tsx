"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { CodeEditor } from "@/components/code-editor";
import { History } from "./history";
import { ResultView } from "./result-view";
import { RunView } from "./run-view";
import { textOf, type HistoryEntry, type RunView as Run, type SubmissionView } from "./types";
import { pickRun, pickSubmission, useLiveState } from "./use-live-state";

type ApiError = { error?: { message?: Record<Locale, string>; issues?: { message: Record<Locale, string> }[] } };
type SaveState = "saved" | "dirty" | "saving" | "failed";

const SAVE_AFTER_MS = 700;
const RETRY_SAVE_MS = 3000;

/**
 * The student's side of an exercise page: the editor (its draft saved to the
 * server as they type, restored on reload and on any device), Run (the
 * program alone, never graded), Submit (graded; the verdict arrives live),
 * the result with each test's timeline, and every attempt's code.
 */
export function Workspace(props: {
  exerciseId: string;
  starter: string;
  draft: { code: string; updatedAt: string } | null;
  locale: Locale;
  messages: Record<string, string | undefined>;
  history: HistoryEntry[];
  referenceAvailable: boolean;
  /** The student's best graded submission, shown with one click. */
  bestSubmissionId: string | null;
}) {
  const text = useMemo(() => textOf(props.messages), [props.messages]);
  const [code, setCode] = useState(props.draft?.code ?? props.starter);
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [savedAt, setSavedAt] = useState<string | null>(props.draft?.updatedAt ?? null);
  const lastSaved = useRef(props.draft?.code ?? props.starter);
  const [sending, setSending] = useState<"submit" | "run" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState(props.history);
  const [view, setView] = useState<"run" | "submission" | null>(null);
  const submission = useLiveState<SubmissionView>("submissions", pickSubmission<SubmissionView>);
  const run = useLiveState<Run>("runs", pickRun<Run>);

  // ── the draft: saved after a pause in typing (at once on Run or Submit),
  // retried until it lands ──
  const saving = useRef<{ code: string; promise: Promise<boolean> } | null>(null);
  const saveDraft = useCallback(
    (text: string): Promise<boolean> => {
      if (saving.current?.code === text) return saving.current.promise;
      setSaveState("saving");
      const promise = (async () => {
        try {
          const response = await fetch(`/api/drafts/${props.exerciseId}`, {
            method: "PUT",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ code: text }),
          });
          if (!response.ok) throw new Error(String(response.status));
          const body = (await response.json()) as { draft: { updatedAt: string } };
          lastSaved.current = text;
          setSavedAt(body.draft.updatedAt);
          return true;
        } catch {
          return false;
        }
      })();
      saving.current = { code: text, promise };
      return promise;
    },
    [props.exerciseId],
  );
  useEffect(() => {
    if (code === lastSaved.current) {
      setSaveState("saved");
      return;
    }
    setSaveState("dirty");
    let retry: ReturnType<typeof setTimeout> | null = null;
    let cancelled = false;
    const attempt = async () => {
      const saved = await saveDraft(code);
      if (cancelled) return;
      if (saved) {
        setSaveState(code === lastSaved.current ? "saved" : "dirty");
      } else {
        setSaveState("failed");
        saving.current = null;
        retry = setTimeout(() => void attempt(), RETRY_SAVE_MS);
      }
    };
    const timer = setTimeout(() => void attempt(), SAVE_AFTER_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      if (retry) clearTimeout(retry);
    };
  }, [code, saveDraft]);
  /** Save now, not after the pause: what is run or submitted is the draft too. */
  const flushDraft = useCallback(() => {
    if (code === lastSaved.current) return;
    void saveDraft(code).then((saved) => saved && code === lastSaved.current && setSaveState("saved"));
  }, [code, saveDraft]);

  // Leaving with unsaved changes asks first: closing the tab, and links within the app.
  const unsaved = saveState !== "saved";
  useEffect(() => {
    if (!unsaved) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    const click = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!link || link.getAttribute("target") === "_blank") return;
      if (!window.confirm(text("exercise.unsavedLeave"))) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, [unsaved, text]);

  // ── the verdict of a watched submission lands in the history too, and
  // the server parts of the page (hints unlocked, the reference, the
  // status) are re-read once it is in; the editor and its undo history stay ──
  const router = useRouter();
  const watchSubmission = useCallback(
    (id: string, fresh: boolean) => {
      let refreshed = false;
      submission.reset();
      submission.watch(id, (current) => {
        setHistory((entries) =>
          entries.map((entry) => (entry.id === current.id ? { ...entry, status: current.status, verdict: current.verdict, score: current.score } : entry)),
        );
        if (fresh && current.status === "DONE" && !refreshed) {
          refreshed = true;
          router.refresh();
        }
      });
    },
    [submission, router],
  );

  /**
   * Run and Submit alike: save the draft, POST, and on success hand the
   * created row to `then`; a refusal shows the server's message (in the
   * page's language), a lost connection says so.
   */
  const send = useCallback(
    async <Created,>(kind: "submit" | "run", url: string, payload: object, field: "submission" | "run", then: (created: Created) => void) => {
      if (sending) return;
      flushDraft();
      setSending(kind);
      setError(null);
      try {
        const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) });
        const body = (await response.json().catch(() => ({}))) as ApiError & Record<string, unknown>;
        const created = body[field] as Created | undefined;
        if (!response.ok || !created) {
          setError(body.error?.issues?.[0]?.message[props.locale] ?? body.error?.message?.[props.locale] ?? text("auth.networkError"));
          return;
        }
        then(created);
      } catch {
        setError(text("auth.networkError"));
      } finally {
        setSending(null);
      }
    },
    [sending, flushDraft, props.locale, text],
  );

  const submit = useCallback(
    () =>
      send<{ id: string; queuedAt: string }>("submit", "/api/submissions", { exerciseId: props.exerciseId, code }, "submission", (created) => {
        setHistory((entries) => [{ id: created.id, status: "QUEUED", verdict: null, score: null, queuedAt: created.queuedAt }, ...entries]);
        setView("submission");
        watchSubmission(created.id, true);
      }),
    [send, props.exerciseId, code, watchSubmission],
  );

  const runProgram = useCallback(
    () =>
      send<{ id: string }>("run", "/api/runs", { itemId: props.exerciseId, code }, "run", (created) => {
        setView("run");
        run.reset();
        run.watch(created.id);
      }),
    [send, props.exerciseId, code, run],
  );

  const shown = view === "run" ? run.state : view === "submission" ? submission.state : null;
  const errorLine = shown?.status === "DONE" ? shown.error : null;
  const editorErrors = errorLine?.line ? [{ line: errorLine.line, message: `${errorLine.type}: ${errorLine.message}` }] : [];
  const timelineMessages = props.messages;
  const trouble = view === "run" ? run.trouble : view === "submission" ? submission.trouble : false;

  return (
    <section className="workspace" data-exercise-id={props.exerciseId}>
      <div className="editor-head">
        <h2 id="editor-label" className="editor-label">
          {text("exercise.editorLabel")}
        </h2>
        <span className={`draft-state draft-${saveState}`} role="status" data-testid="draft-state">
          {saveState === "saving" || saveState === "dirty"
            ? text("exercise.draftSaving")
            : saveState === "failed"
              ? text("exercise.draftFailed")
              : savedAt
                ? text("exercise.draftSaved", { time: new Date(savedAt).toLocaleTimeString(props.locale) })
                : ""}
        </span>
      </div>
      <CodeEditor
        value={code}
        onChange={setCode}
        onSubmit={() => void submit()}
        onRun={() => void runProgram()}
        errors={editorErrors}
        labelledBy="editor-label"
        describedBy="run-note"
        messages={props.messages}
      />
      <p id="run-note" className="visually-hidden">
        {text("exercise.runNote")}
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void runProgram()} disabled={sending !== null}>
          {sending === "run" ? text("exercise.runQueued") : text("exercise.run")}
        </button>
        <button type="button" onClick={() => void submit()} disabled={sending !== null}>
          {sending === "submit" ? text("exercise.submitting") : text("exercise.submit")}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            if (code === props.starter || window.confirm(text("exercise.resetConfirm"))) setCode(props.starter);
          }}
        >
          {text("exercise.reset")}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}

      {view !== null && (
        <div className="card result" data-testid={view === "run" ? "run-panel" : "submission-result"} aria-live="polite">
          {trouble && <p className="muted" role="status">{text("exercise.reconnecting")}</p>}
          {view === "run" && (
            <>
              <h3>{text("exercise.runResult")}</h3>
              <p className="muted">{text("exercise.runNote")}</p>
              {run.state ? <RunView run={run.state} locale={props.locale} text={text} timelineMessages={timelineMessages} /> : <p>{text("exercise.runQueued")}</p>}
            </>
          )}
          {view === "submission" && submission.state && submission.state.status !== "DONE" && (
            <p data-testid="submission-status">
              {submission.state.status === "RUNNING"
                ? text("exercise.running")
                : submission.state.queuePosition
                  ? text("exercise.queued", { position: submission.state.queuePosition })
                  : text("exercise.queuedNoPosition")}
            </p>
          )}
          {view === "submission" && !submission.state && <p data-testid="submission-status">{text("exercise.queuedNoPosition")}</p>}
          {view === "submission" && submission.state?.status === "DONE" && (
            <ResultView
              submission={submission.state}
              exerciseId={props.exerciseId}
              referenceAvailable={props.referenceAvailable}
              locale={props.locale}
              text={text}
              timelineMessages={timelineMessages}
            />
          )}
        </div>
      )}

      <div className="history-head">
        <h2>{text("exercise.history")}</h2>
        {props.bestSubmissionId && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setView("submission");
              watchSubmission(props.bestSubmissionId!, false);
            }}
          >
            {text("exercise.bestSolution")}
          </button>
        )}
      </div>
      <History
        entries={history}
        bestId={props.bestSubmissionId}
        locale={props.locale}
        text={text}
        diffMessages={props.messages}
        onShow={(id) => {
          setView("submission");
          watchSubmission(id, false);
        }}
        onLoad={(loaded) => setCode(loaded)}
      />
    </section>
  );
}
