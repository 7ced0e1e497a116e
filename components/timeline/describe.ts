/**
 * The timeline's facts in words, in the reader's language: what a segment
 * waits on, a lane's name and outcome, times. Shared by the chart, its table
 * view and the Perfetto export, so all three say the same thing.
 */
import type { ChromeTraceNames } from "@/lib/timeline/chrome-trace";
import { LOOP_LANE_ID, type Lane, type LaneState, type Segment, type SegmentLabel, type TimelineModel } from "@/lib/timeline/model";
import { en, zhCN } from "@/lib/i18n/areas/timeline";
import type { Locale } from "@/lib/i18n/locales";

export type TimelineMessageKey = keyof typeof zhCN;
export type TimelineMessages = Partial<Record<string, string | undefined>>;
export type Text = (key: TimelineMessageKey, values?: Record<string, string | number>) => string;

/** The page passes pickMessages(locale, ["timeline."]); without it the area's own table is used. */
export function makeText(locale: Locale, messages?: TimelineMessages): Text {
  const table: Record<string, string> = locale === "en" ? en : zhCN;
  return (key, values = {}) => (messages?.[key] ?? table[key] ?? key).replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));
}

/** Seconds as a reader wants them: at most 3 decimals, no trailing zeros (1.5, 0.756, 100). */
export function formatSeconds(value: number): string {
  if (value !== 0 && Math.abs(value) < 0.001) return value.toPrecision(2);
  return String(Number(value.toFixed(3)));
}

export function stateName(text: Text, state: LaneState): string {
  return text(`timeline.state.${state}`);
}

export function laneTitle(text: Text, lane: Lane): string {
  if (lane.id === LOOP_LANE_ID) return text("timeline.lane.loop");
  return lane.title;
}

/** What kind of lane, for the details: a task's name, a job's pool. */
export function laneKind(text: Text, lane: Lane): string {
  if (lane.kind === "task") return lane.subtitle;
  if (lane.kind === "thread") return text("timeline.lane.thread");
  if (lane.kind === "job") {
    if (lane.pool?.process) return `${text("timeline.lane.processJob")} · ${text("timeline.lane.processWorker", { worker: lane.pool.worker ?? "?" })}`;
    if (lane.pool && lane.pool.pool !== null) return `${text("timeline.lane.job")} · ${text("timeline.lane.pool", { pool: lane.pool.pool, workers: lane.pool.workers ?? "?" })}`;
    return text("timeline.lane.job");
  }
  return "";
}

export function outcomeMark(lane: Lane): string {
  if (lane.outcome === "result") return "✓";
  if (lane.outcome === "exception") return "✗";
  if (lane.outcome === "cancelled") return "⊘";
  return lane.kind === "task" ? "…" : "";
}

/**
 * A task label with long arguments shortened to their ends: 1 000
 * `fetch_api('https://api.example.com/17', Semaphore)` lanes differ only near
 * the end of the URL, which the label column's ellipsis would cut off.
 */
export function shortTitle(title: string): string {
  const call = /^([^(]+)\((.*)\)$/.exec(title);
  if (!call || title.length <= 24) return title;
  const shortened = (call[2] ?? "").split(", ").map((argument) => {
    const characters = [...argument];
    return characters.length > 14 ? `…${characters.slice(-10).join("")}` : argument;
  });
  return `${call[1]}(${shortened.join(", ")})`;
}

export function outcomeText(text: Text, lane: Lane): string | null {
  if (lane.kind !== "task") return null;
  if (lane.outcome === "result") return text("timeline.outcome.result");
  if (lane.outcome === "exception") return text("timeline.outcome.exception", { error: lane.error ?? "" });
  if (lane.outcome === "cancelled") return text("timeline.outcome.cancelled");
  return text("timeline.outcome.pending");
}

/** What a segment waits on or does; `short` for the text inside a bar. */
export function labelText(text: Text, label: SegmentLabel, short = false): string {
  switch (label.kind) {
    case "sleep":
      return short
        ? text("timeline.on.sleepShort", { seconds: formatSeconds(label.seconds) })
        : text("timeline.on.sleep", { seconds: formatSeconds(label.seconds), until: formatSeconds(label.until) });
    case "yield":
      return text("timeline.on.yield");
    case "lock":
      return text("timeline.on.lock");
    case "semaphore":
      return text("timeline.on.semaphore");
    case "event":
      return text("timeline.on.event");
    case "condition":
      return text("timeline.on.condition");
    case "barrier":
      return text("timeline.on.barrier");
    case "queue":
      return text(label.op === "get" ? "timeline.on.queueGet" : label.op === "put" ? "timeline.on.queuePut" : "timeline.on.queueJoin");
    case "http":
      return short ? `${label.method} ${label.url}` : text("timeline.on.http", { method: label.method, url: label.url });
    case "file":
      return text("timeline.on.file", { op: label.op, path: label.path });
    case "task":
      return text("timeline.on.task", { name: label.name });
    case "gather":
      return short ? "asyncio.gather" : text("timeline.on.gather");
    case "executor":
      return text("timeline.on.executor", { fn: label.fn });
    case "asyncio":
      return text("timeline.on.asyncio", { call: label.call });
    case "thread-sleep":
      return short ? `${label.call}(${formatSeconds(label.seconds)})` : text("timeline.on.threadSleep", { call: label.call, seconds: formatSeconds(label.seconds) });
    case "other":
      return text("timeline.on.other", { text: label.text });
    case "step":
      return text("timeline.on.step");
    case "loop":
      return label.blockedBy ? text("timeline.on.loopBlocked", { call: label.blockedBy }) : text("timeline.on.loop");
    case "blocking": {
      if (label.call === "cpu") return text("timeline.on.cpu");
      const call = text("timeline.on.blocking", { call: label.call, seconds: label.seconds === null ? "" : formatSeconds(label.seconds) });
      if (short) return `⚠ ${label.call}(${label.seconds === null ? "" : formatSeconds(label.seconds)})`;
      return label.detail ? `${call}: ${label.detail}` : call;
    }
    case "thread-run":
      return text("timeline.on.threadRun");
    case "untraced":
      return text("timeline.on.untraced");
  }
}

export function spanText(text: Text, from: number, to: number): string {
  if (to - from < 1e-9) return text("timeline.instant", { at: formatSeconds(from) });
  return text("timeline.span", { from: formatSeconds(from), to: formatSeconds(to), duration: formatSeconds(to - from) });
}

/** The notes a segment carries beyond its label: cut short, still open at the end. */
export function segmentNotes(text: Text, segment: Segment): string[] {
  const notes: string[] = [];
  if (segment.cut && segment.label.kind === "sleep") notes.push(text("timeline.cut", { until: formatSeconds(segment.label.until) }));
  if (segment.open) notes.push(text("timeline.open"));
  return notes;
}

/** One sentence for a screen reader: lane, state, time, what it waits on. */
export function segmentSentence(text: Text, lane: Lane, segment: Segment): string {
  return [laneTitle(text, lane), stateName(text, segment.state), spanText(text, segment.from, segment.to), labelText(text, segment.label), ...segmentNotes(text, segment)].join(", ");
}

/** Who created a lane, if anyone: "created by main() at 0 s". */
export function creationText(text: Text, model: TimelineModel, lane: Lane): string | null {
  const link = model.links.find((candidate) => candidate.childLaneId === lane.id);
  if (!link) return null;
  const parent = model.lanes.find((candidate) => candidate.id === link.parentLaneId);
  if (!parent) return null;
  return text(link.inferred ? "timeline.details.submittedBy" : "timeline.details.createdBy", { parent: laneTitle(text, parent), t: formatSeconds(link.t) });
}

/** The Perfetto file in the reader's language. */
export function chromeTraceNames(text: Text): ChromeTraceNames {
  return {
    lane: (lane) => laneTitle(text, lane),
    segment: (segment) => (segment.state === "running" && segment.label.kind === "step" ? stateName(text, "running") : labelText(text, segment.label, true)),
    process: text("timeline.perfettoProcess"),
    inFlight: text("timeline.inFlight"),
  };
}
