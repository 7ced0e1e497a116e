"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { TInterviewItem, TInterviewView } from "@/lib/interviews/get-interview";
import type { TShownAnswer } from "@/lib/quizzes/schemas";
import { callApi } from "../api-call";
import { CodeEditor } from "../code-editor";
import { Markdown } from "../markdown";
import { answerOf, draftOf, emptyDraft, type Draft } from "../quiz/drafts";
import { QuestionInput } from "../quiz/question-input";
import { makeText, type Messages, type Text } from "../quiz/text";
import { clockOffset, formatCountdown, remainingMs } from "./clock";
import { SaveQueue, type Outgoing, type SaveState, type SendResult } from "./save-queue";
import { useOtherTab } from "./use-other-tab";

/** How often the open tab reports (time on the item, presence, the clock). */
const HEARTBEAT_MS = 10_000;
/** Announced to screen readers once, as the time runs out. */
const WARN_AT_MINUTES = [5, 1];

type Props = {
  interview: TInterviewView;
  /** Each question's code, drawn on the server. */
  codes: Record<string, ReactNode>;
  locale: Locale;
  messages: Messages;
  editorMessages: Messages;
};

const answerKey = (questionId: string) => `answer:${questionId}`;
const codeKey = (index: number) => `code:${index}`;

/** One id per browser tab, kept across reloads of that tab (sessionStorage), never shared with another tab. */
function tabIdFor(interviewId: string): string {
  const key = `awaitable-interview-tab:${interviewId}`;
  try {
    const existing = window.sessionStorage.getItem(key);
    if (existing) return existing;
    const fresh = crypto.randomUUID();
    window.sessionStorage.setItem(key, fresh);
    return fresh;
  } catch {
    return crypto.randomUUID();
  }
}

/** A question with an answer given (an ordering left as shown was not); a task typed in or handed in. */
function isAnswered(item: TInterviewItem, answered: Set<string>, codes: Record<number, string>): boolean {
  if (item.kind === "question") return answered.has(item.question.id);
  return item.task.submittedAt !== null || (codes[item.task.index] ?? item.task.code) !== item.task.code || item.task.savedAt !== null;
}

/**
 * A running mock interview: a countdown set from the server's clock, one
 * item at a time with a navigator (answered, flagged), every change saved
 * through the outbox (SaveQueue) as it is made, coding tasks handed in with
 * no result shown, and the hand-in. At the deadline the page hands in too
 * (the server's job does it anyway, browser or not) and opens the report.
 */
export function InterviewRunner(props: Props) {
  const { interview, locale } = props;
  const text = useMemo(() => makeText(props.messages), [props.messages]);
  const router = useRouter();
  const items = interview.items;
  const total = items.length;
  const [current, setCurrent] = useState(() => Math.min(Math.max(0, interview.focusPosition ?? 0), Math.max(0, total - 1)));
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(items.flatMap((item) => (item.kind === "question" ? [[item.question.id, draftOf(item.question, item.answer)]] : []))),
  );
  const [answeredIds, setAnsweredIds] = useState<Set<string>>(
    () => new Set(items.flatMap((item) => (item.kind === "question" && item.answer !== null ? [item.question.id] : []))),
  );
  const [codes, setCodes] = useState<Record<number, string>>(() =>
    Object.fromEntries(items.flatMap((item) => (item.kind === "task" ? [[item.task.index, item.task.code]] : []))),
  );
  // A task handed in: when, and the code handed in (null: unknown, it changed since the last load).
  const [submitted, setSubmitted] = useState<Record<number, { at: string; code: string | null } | null>>(() =>
    Object.fromEntries(
      items.flatMap((item) =>
        item.kind === "task" ? [[item.task.index, item.task.submittedAt ? { at: item.task.submittedAt, code: item.task.submittedCurrent ? item.task.code : null } : null]] : [],
      ),
    ),
  );
  const [flags, setFlags] = useState<Set<number>>(() => new Set(items.filter((item) => item.flagged).map((item) => item.position)));
  const [saveState, setSaveState] = useState<SaveState>({ kind: "saved", savedAt: null });
  const [online, setOnline] = useState(true);
  const [serverOtherTab, setServerOtherTab] = useState(false);
  const localOtherTab = useOtherTab(interview.id);
  // The first render is the server's moment, the same on both sides; the device's clock takes over once mounted.
  const [offset, setOffset] = useState(0);
  const [now, setNow] = useState(() => Date.parse(interview.serverNow));
  const [phase, setPhase] = useState<"running" | "finishing" | "over">(interview.status === "IN_PROGRESS" ? "running" : "over");
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState<number | null>(null);
  const tabId = useRef<string>("");
  const queue = useRef<SaveQueue | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const remaining = remainingMs(interview.endsAt, now, offset);
  // Said once by screen readers as each mark passes (the live region speaks when its text changes).
  const warnAt = WARN_AT_MINUTES.filter((minutes) => remaining > 0 && remaining <= minutes * 60_000).at(-1);
  const announcement = warnAt === undefined ? "" : text("interview.run.lastMinutes", { minutes: warnAt });

  // ── the outbox: created once; what an earlier page left unsent is shown and sent again ──
  useEffect(() => {
    tabId.current = tabIdFor(interview.id);
    const send = async (request: Outgoing): Promise<SendResult> => {
      const outcome = await callApi(request.method, request.url, locale, { ...(request.body as object), tabId: tabId.current });
      if (outcome.ok) {
        const saved = (outcome.json as { saved?: { savedAt?: string; otherTab?: boolean } }).saved;
        return { kind: "ok", savedAt: saved?.savedAt ?? new Date().toISOString(), otherTab: Boolean(saved?.otherTab) };
      }
      if (outcome.status === 0) return { kind: "offline" };
      if (outcome.status === 409) return { kind: "over" };
      return { kind: "refused", message: outcome.message };
    };
    const outbox = new SaveQueue(`awaitable-interview-outbox:${interview.id}`, send, setSaveState, window.localStorage, {
      set: (callback, ms) => window.setTimeout(callback, ms),
      clear: (handle) => window.clearTimeout(handle as number),
    }, setServerOtherTab);
    queue.current = outbox;
    const restored = outbox.restore();
    // The outbox's keys name what each unsent request saves (answerKey, codeKey).
    for (const [key, request] of restored) {
      const body = request.body as { answer?: unknown; code?: unknown };
      const [kind, id] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
      const item = items.find((entry) => (kind === "answer" ? entry.kind === "question" && entry.question.id === id : entry.kind === "task" && String(entry.task.index) === id));
      if (item?.kind === "question") {
        const answer = (body.answer ?? null) as TShownAnswer | null;
        setDrafts((others) => ({ ...others, [item.question.id]: draftOf(item.question, answer) }));
        setAnsweredIds((others) => {
          const next = new Set(others);
          if (answer) next.add(item.question.id);
          else next.delete(item.question.id);
          return next;
        });
      } else if (item?.kind === "task" && typeof body.code === "string") {
        const code = body.code;
        setCodes((others) => ({ ...others, [item.task.index]: code }));
      }
    }
    return () => outbox.stop();
    // Once per interview: the outbox outlives every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [interview.id]);

  // The editor's code is a chunk of its own, loaded when first shown: fetch it now, so a coding
  // task opened after the connection dropped still gets its editor.
  useEffect(() => {
    if (items.some((entry) => entry.kind === "task")) void import("../code-editor-view").catch(() => undefined);
  }, [items]);

  // ── online / offline, as the browser sees it; back online, the outbox is sent at once ──
  useEffect(() => {
    const update = () => {
      setOnline(navigator.onLine);
      if (navigator.onLine) void queue.current?.flush();
    };
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);

  // ── the heartbeat: time on the open item, presence, and the server's clock ──
  const beat = useCallback(async () => {
    if (!tabId.current) return;
    const sentAt = Date.now();
    const outcome = await callApi("POST", `/api/interviews/${interview.id}/heartbeat`, locale, { tabId: tabId.current, position: current });
    if (!outcome.ok) return;
    const heartbeat = (outcome.json as { heartbeat?: { serverNow: string; status: string; otherTab: boolean } }).heartbeat;
    if (!heartbeat) return;
    synced.current = true;
    setOffset(clockOffset(heartbeat.serverNow, sentAt, Date.now()));
    setServerOtherTab(heartbeat.otherTab);
    if (heartbeat.status !== "IN_PROGRESS") setPhase("over");
  }, [interview.id, locale, current]);

  useEffect(() => {
    void beat();
    const timer = window.setInterval(() => void beat(), HEARTBEAT_MS);
    // Back from sleep or another tab: re-sync at once.
    const visible = () => document.visibilityState === "visible" && void beat();
    document.addEventListener("visibilitychange", visible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", visible);
    };
  }, [beat]);

  // ── the countdown ──
  const synced = useRef(false);
  useEffect(() => {
    const tick = () => {
      // Until a heartbeat measured it, the offset is the page's own: the server's moment when it was drawn.
      if (!synced.current) setOffset(Date.parse(interview.serverNow) - Date.now());
      synced.current = true;
      setNow(Date.now());
    };
    const first = window.setTimeout(tick, 0);
    const timer = window.setInterval(tick, 1000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [interview.serverNow]);

  /** `byClock`: the time ran out; if the server cannot be reached, its own job hands in and the page stops there. */
  const handIn = useCallback(async (byClock: boolean) => {
    setPhase("finishing");
    await queue.current?.flush();
    const outcome = await callApi("POST", `/api/interviews/${interview.id}/finish`, locale, {});
    if (!outcome.ok && outcome.status !== 409) {
      setError(outcome.message ?? text("auth.networkError"));
      if (!byClock) {
        setPhase("running");
        return;
      }
      queue.current?.stop();
      setPhase("over");
      return;
    }
    queue.current?.stop();
    setPhase("over");
    router.push(`/interview/${interview.id}/report`);
  }, [interview.id, locale, router, text]);

  // Time is up: the page hands in too (the server's job does it anyway) and opens the report.
  useEffect(() => {
    if (remaining > 0 || phase !== "running") return;
    const timer = window.setTimeout(() => void handIn(true), 0);
    return () => window.clearTimeout(timer);
  }, [remaining, phase, handIn]);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    heading.current?.focus();
  }, [current]);

  function go(index: number) {
    moved.current = true;
    setCurrent(Math.max(0, Math.min(total - 1, index)));
  }

  function changeDraft(item: Extract<TInterviewItem, { kind: "question" }>, draft: Draft) {
    setDrafts((others) => ({ ...others, [item.question.id]: draft }));
    const answer = answerOf(item.question, draft);
    // An incomplete answer (a blank left empty) is not sent: the last complete one stands until it is.
    if (answer) setAnsweredIds((others) => new Set(others).add(item.question.id));
    if (answer) queue.current?.put(answerKey(item.question.id), { method: "PUT", url: `/api/interviews/${interview.id}/answers/${item.question.id}`, body: { answer } });
  }

  function clearAnswer(item: Extract<TInterviewItem, { kind: "question" }>) {
    setDrafts((others) => ({ ...others, [item.question.id]: emptyDraft(item.question) }));
    setAnsweredIds((others) => {
      const next = new Set(others);
      next.delete(item.question.id);
      return next;
    });
    queue.current?.put(answerKey(item.question.id), { method: "PUT", url: `/api/interviews/${interview.id}/answers/${item.question.id}`, body: { answer: null } });
  }

  function changeCode(index: number, code: string) {
    setCodes((others) => ({ ...others, [index]: code }));
    queue.current?.put(codeKey(index), { method: "PUT", url: `/api/interviews/${interview.id}/tasks/${index}`, body: { code } });
  }

  async function submitTask(index: number) {
    const code = codes[index] ?? "";
    setSubmitting(index);
    setError(null);
    await queue.current?.flush();
    const outcome = await callApi("POST", `/api/interviews/${interview.id}/tasks/${index}/submit`, locale, { code, tabId: tabId.current });
    setSubmitting(null);
    if (!outcome.ok) {
      if (outcome.status === 409) setPhase("over");
      setError(outcome.message ?? text("auth.networkError"));
      return;
    }
    const at = (outcome.json as { submitted?: { submittedAt?: string } }).submitted?.submittedAt ?? new Date().toISOString();
    setSubmitted((others) => ({ ...others, [index]: { at, code } }));
  }

  async function toggleFlag(position: number) {
    const flagged = !flags.has(position);
    setFlags((previous) => {
      const next = new Set(previous);
      if (flagged) next.add(position);
      else next.delete(position);
      return next;
    });
    const outcome = await callApi("PUT", `/api/interviews/${interview.id}/flags`, locale, { position, flagged });
    if (!outcome.ok && outcome.status !== 0) setError(outcome.message ?? text("auth.networkError"));
  }

  function confirmHandIn() {
    const unanswered = items.filter((item) => !isAnswered(item, answeredIds, codes)).length;
    const question = [text("interview.run.finishConfirm"), unanswered > 0 ? text("interview.run.finishUnanswered", { count: unanswered }) : ""]
      .filter(Boolean)
      .join("\n");
    if (window.confirm(question)) void handIn(false);
  }

  const answered = useMemo(() => items.filter((item) => isAnswered(item, answeredIds, codes)).length, [items, answeredIds, codes]);

  if (phase === "over" && interview.status !== "IN_PROGRESS") {
    return <OverNotice id={interview.id} text={text} />;
  }

  const item = items[current];
  const closed = phase !== "running" || saveState.kind === "over";
  const low = remaining < 5 * 60_000;
  return (
    <div className="interview-runner">
      <div className="interview-bar" data-testid="interview-bar">
        <p className={low ? "interview-timer interview-timer-low" : "interview-timer"} role="timer" aria-label={text("interview.run.timeLeftLabel", { time: formatCountdown(remaining) })}>
          <span className="muted">{text("interview.run.timeLeft")}</span> <strong data-testid="interview-timer">{formatCountdown(remaining)}</strong>
        </p>
        <p className="muted" data-testid="interview-answered">
          {text("interview.run.answeredCount", { answered, total })}
          {flags.size > 0 && ` · ${text("interview.run.flaggedCount", { count: flags.size })}`}
        </p>
        <SaveIndicator state={saveState} online={online} text={text} locale={locale} />
        <button type="button" onClick={confirmHandIn} disabled={closed}>
          {phase === "finishing" ? text("interview.run.finishing") : text("interview.run.finish")}
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {(localOtherTab || serverOtherTab) && (
        <p className="interview-warning" role="alert" data-testid="other-tab">
          {text("interview.run.otherTab")}
        </p>
      )}
      {remaining === 0 && (
        <p className="interview-warning" role="status">
          {text("interview.run.timeUp")}
        </p>
      )}
      {(phase === "over" || saveState.kind === "over") && <OverNotice id={interview.id} text={text} />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      <nav className="interview-navigator" aria-label={text("interview.run.navigator")}>
        <ol>
          {items.map((entry, index) => {
            const done = isAnswered(entry, answeredIds, codes);
            const flagged = flags.has(entry.position);
            const name = entry.kind === "question" ? String(index + 1) : `⌨ ${entry.task.index + 1}`;
            const label = [
              entry.kind === "question" ? text("interview.run.question", { number: index + 1 }) : text("interview.run.task", { number: entry.task.index + 1 }),
              done ? text("interview.run.answered") : text("interview.run.unanswered"),
              flagged ? text("interview.run.flagged") : null,
            ]
              .filter(Boolean)
              .join(", ");
            return (
              <li key={entry.position}>
                <button
                  type="button"
                  className={`interview-nav${done ? " interview-nav-done" : ""}${flagged ? " interview-nav-flagged" : ""}`}
                  aria-current={index === current ? "step" : undefined}
                  aria-label={label}
                  onClick={() => go(index)}
                >
                  {name}
                  {flagged && <span aria-hidden="true"> ⚑</span>}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      {item && (
        <article className="card interview-item" aria-labelledby="interview-item-heading" data-kind={item.kind}>
          <div className="interview-item-head">
            <h2 id="interview-item-heading" tabIndex={-1} ref={heading}>
              {item.kind === "question" ? text("interview.run.question", { number: current + 1 }) : text("interview.run.task", { number: item.task.index + 1 })}
              {item.kind === "question" && <span className="badge">{text(`quiz.kind.${item.question.kind}`)}</span>}
            </h2>
            <span className="muted">{text("interview.run.item", { number: current + 1, total })}</span>
            <button type="button" className="secondary" aria-pressed={flags.has(item.position)} onClick={() => void toggleFlag(item.position)} disabled={closed}>
              ⚑ {flags.has(item.position) ? text("interview.run.unflag") : text("interview.run.flag")}
            </button>
          </div>
          {item.kind === "question" ? (
            <QuestionPane
              item={item}
              code={props.codes[item.question.id] ?? null}
              draft={drafts[item.question.id] ?? emptyDraft(item.question)}
              onDraft={(draft) => changeDraft(item, draft)}
              onClear={() => clearAnswer(item)}
              answered={answeredIds.has(item.question.id)}
              disabled={closed}
              locale={locale}
              text={text}
            />
          ) : (
            <TaskPane
              item={item}
              code={codes[item.task.index] ?? item.task.code}
              onCode={(code) => changeCode(item.task.index, code)}
              onSubmit={() => void submitTask(item.task.index)}
              submitting={submitting === item.task.index}
              submitted={submitted[item.task.index] ?? null}
              disabled={closed}
              editorMessages={props.editorMessages}
              locale={locale}
              text={text}
            />
          )}
        </article>
      )}
      <div className="actions interview-steps">
        <button type="button" className="secondary" onClick={() => go(current - 1)} disabled={current === 0}>
          ← {text("interview.run.previous")}
        </button>
        <button type="button" className="secondary" onClick={() => go(current + 1)} disabled={current >= total - 1}>
          {text("interview.run.next")} →
        </button>
      </div>
      <p className="hint">{text("interview.run.noHints")}</p>
    </div>
  );
}

function QuestionPane(props: {
  item: Extract<TInterviewItem, { kind: "question" }>;
  code: ReactNode;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  onClear: () => void;
  answered: boolean;
  disabled: boolean;
  locale: Locale;
  text: Text;
}) {
  const { item, draft, locale, text } = props;
  return (
    <div className="interview-question" data-question-id={item.question.id}>
      <Markdown>{item.question.prompt[locale]}</Markdown>
      {item.question.kind !== "fill_blank" && props.code}
      <fieldset className="interview-answer" disabled={props.disabled}>
        <QuestionInput question={item.question} draft={draft} onChange={props.onDraft} feedback={null} locale={locale} text={text} />
      </fieldset>
      <div className="actions">
        <button type="button" className="secondary" onClick={props.onClear} disabled={props.disabled || !props.answered}>
          {text("interview.run.clear")}
        </button>
      </div>
    </div>
  );
}

function TaskPane(props: {
  item: Extract<TInterviewItem, { kind: "task" }>;
  code: string;
  onCode: (code: string) => void;
  onSubmit: () => void;
  submitting: boolean;
  submitted: { at: string; code: string | null } | null;
  disabled: boolean;
  editorMessages: Messages;
  locale: Locale;
  text: Text;
}) {
  const { item, code, submitted, locale, text } = props;
  const labelId = `task-editor-${item.task.index}`;
  const time = (iso: string) => new Date(iso).toLocaleTimeString(locale);
  return (
    <div className="interview-task">
      <details open className="interview-task-prompt">
        <summary>
          {text("interview.run.taskPrompt")}: {item.task.title[locale]}
        </summary>
        {/* The title is the summary's: a prompt's own opening heading would say it twice (and be a second h1). */}
        <Markdown>{item.task.prompt[locale].replace(/^\s*# [^\n]*\n/, "")}</Markdown>
      </details>
      <h3 id={labelId}>{text("interview.run.editor")}</h3>
      <CodeEditor key={item.task.index} value={code} onChange={props.onCode} onSubmit={props.onSubmit} labelledBy={labelId} readOnly={props.disabled} messages={props.editorMessages} />
      <div className="actions">
        <button type="button" onClick={props.onSubmit} disabled={props.disabled || props.submitting || code.trim() === ""}>
          {props.submitting ? text("interview.run.submitting") : text("interview.run.submitTask")}
        </button>
      </div>
      <p className="hint" data-testid="task-status">
        {submitted
          ? submitted.code === code
            ? text("interview.run.submittedAt", { time: time(submitted.at) })
            : text("interview.run.changedSince")
          : text("interview.run.notSubmitted")}
      </p>
    </div>
  );
}

function SaveIndicator({ state, online, text, locale }: { state: SaveState; online: boolean; text: Text; locale: Locale }) {
  let label: string;
  if (!online || state.kind === "offline") label = text("interview.run.save.offline");
  else if (state.kind === "saving") label = text("interview.run.save.saving");
  else if (state.kind === "pending") label = text("interview.run.save.pending");
  else if (state.kind === "failed") label = state.message ?? text("interview.run.save.failed");
  else if (state.kind === "saved" && state.savedAt) label = text("interview.run.save.savedAt", { time: new Date(state.savedAt).toLocaleTimeString(locale) });
  else label = text("interview.run.save.saved");
  const tone = !online || state.kind === "offline" || state.kind === "failed" ? " interview-save-warn" : "";
  return (
    <p className={`interview-save${tone}`} role="status" data-testid="save-state" data-state={online ? state.kind : "offline"}>
      {label}
    </p>
  );
}

function OverNotice({ id, text }: { id: string; text: Text }) {
  return (
    <section className="card interview-over" role="status">
      <p>{text("interview.run.over")}</p>
      <p>
        <a href={`/interview/${id}/report`}>{text("interview.run.toReport")}</a>
      </p>
    </section>
  );
}
