/**
 * The layout of a run's timeline, computed from the grader's trace (TTrace,
 * grader/CONTRACT.md "The trace") without any UI: lanes, the segments of each
 * lane with their state and what they wait on, who created whom, how many
 * operations were in flight over time, and the time axis.
 *
 * Labels are data, not text (`{ kind: "sleep", seconds: 1, until: 1.5 }`), so
 * the UI localizes them and the Chrome trace export names them its own way.
 * They are derived from the strings the runtime writes in suspend events
 * (grader/python/awaitable/runtime/trace.py, describe_wait): `on` is e.g.
 * `asyncio.sleep(0.5)`, `Semaphore.acquire`, `Queue.get`, `task say_after(1)`,
 * `asyncio.gather`, `GET https://…`, `run_in_executor(work)`, `asyncio.wait_for`;
 * `category` is one of sleep, io, sync, gather, task, executor, wait, yield, other.
 */
import type { TTrace, TTraceEvent } from "@/grader/result";

export type LaneState = "running" | "waiting" | "ready" | "blocked" | "untraced";

/** What a waiting (or blocked) segment waits on, as data for the UI to put in words. */
export type WaitTarget =
  | { kind: "sleep"; seconds: number; until: number }
  | { kind: "yield" }
  | { kind: "lock" }
  | { kind: "semaphore"; bounded: boolean }
  | { kind: "event" }
  | { kind: "condition" }
  | { kind: "barrier" }
  | { kind: "queue"; op: "get" | "put" | "join" }
  | { kind: "http"; method: string; url: string }
  | { kind: "file"; op: string; path: string }
  | { kind: "task"; name: string; taskId: number | null }
  | { kind: "gather" }
  | { kind: "executor"; fn: string }
  | { kind: "asyncio"; call: string }
  | { kind: "thread-sleep"; call: string; seconds: number }
  | { kind: "other"; text: string };

export type SegmentLabel =
  | WaitTarget
  /** A task's own code on the loop: a step (an instant on the virtual clock unless CPU is charged). */
  | { kind: "step" }
  /** Ready to run but the loop was busy elsewhere (e.g. blocked by another task's time.sleep). */
  | { kind: "loop"; blockedBy: string | null }
  /** A blocking call on the loop's thread: time.sleep, requests.get, … or a CPU stretch. */
  | { kind: "blocking"; call: string; seconds: number | null; detail: string | null; task: number | null }
  /** A thread or an executor job running its code. */
  | { kind: "thread-run" }
  /** The trace stopped recording (20 000 events) before this lane's end. */
  | { kind: "untraced" };

export type Segment = {
  /** Unique within the timeline: `${laneId}:${index}`. */
  id: string;
  laneId: string;
  index: number;
  from: number;
  to: number;
  state: LaneState;
  label: SegmentLabel;
  /** A wait that ended before what it waited for (cancelled, a timeout): e.g. a sleep resumed before `until`. */
  cut: boolean;
  /** Still in this state when the run ended (a task never finished). */
  open: boolean;
};

export type LaneKind = "loop" | "task" | "thread" | "job";

export type Lane = {
  id: string;
  kind: LaneKind;
  /** The task's or thread's number in the trace; null for the loop. */
  ref: number | null;
  /** `say_after(1, 'Hello')`, `Task-3`, `work`, … (the UI names the loop lane itself). */
  title: string;
  /** The task's name (`Task-3`) or the job's pool, for the details. */
  subtitle: string;
  depth: number;
  parentLaneId: string | null;
  from: number;
  to: number | null;
  outcome: "result" | "exception" | "cancelled" | null;
  error: string | null;
  segments: Segment[];
  /** A job's pool: `{ pool, workers }` of a thread pool, `{ process: true, worker }` of a process pool. */
  pool: { pool: number | null; workers: number | null; process: boolean; worker: number | null } | null;
};

export type CreationLink = {
  parentLaneId: string;
  childLaneId: string;
  t: number;
  /** A job is linked to the task that awaited it by name and instant, not by an id in the trace. */
  inferred: boolean;
};

export type InFlightPoint = { t: number; count: number };

export type TimelineModel = {
  lanes: Lane[];
  links: CreationLink[];
  /** Every change of the number in flight, in event order (several may share an instant). */
  inFlight: InFlightPoint[];
  /** The trace's own figure (the judge's), which the captions show. */
  peakInFlight: number;
  /** The peak of `inFlight`; differs from peakInFlight only when events are missing. */
  drawnPeak: number;
  /** Why drawnPeak differs from peakInFlight, or null when it does not. */
  peakNote: "truncated" | "mismatch" | null;
  elapsed: number;
  /** The time axis ends here: elapsed, or the shared end of a comparison, never 0. */
  end: number;
  ticks: number[];
  truncated: boolean;
  taskCount: number;
  blockingCount: number;
};

export const LOOP_LANE_ID = "loop";
const EPSILON = 1e-9;
// A sleep's `on` string has 6 significant digits (`asyncio.sleep(0.0944321)`): its
// end is known to a few microseconds, not exactly.
const SLEEP_TOLERANCE = 1e-5;

const field = (event: TTraceEvent, name: string): unknown => (event as Record<string, unknown>)[name];
const stringField = (event: TTraceEvent, name: string): string | null => {
  const value = field(event, name);
  return typeof value === "string" ? value : null;
};
const numberField = (event: TTraceEvent, name: string): number | null => {
  const value = field(event, name);
  return typeof value === "number" && Number.isFinite(value) ? value : null;
};

const HTTP_METHODS = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE|CONNECT) (\S+)/;

/** What a suspend event's `on` and `category` say the task waits on. */
export function parseWait(on: string, category: string, t: number): WaitTarget {
  if (category === "sleep") {
    const match = /^asyncio\.sleep\(([^)]*)\)$/.exec(on);
    const seconds = match ? Number(match[1]) : Number.NaN;
    if (Number.isFinite(seconds)) return { kind: "sleep", seconds, until: roundTime(t + seconds) };
  }
  if (category === "yield") return { kind: "yield" };
  if (category === "sync") {
    const [primitive, op] = on.split(".");
    if (primitive === "Lock") return { kind: "lock" };
    if (primitive === "Semaphore" || primitive === "BoundedSemaphore") return { kind: "semaphore", bounded: primitive === "BoundedSemaphore" };
    if (primitive === "Event") return { kind: "event" };
    if (primitive === "Condition") return { kind: "condition" };
    if (primitive === "Barrier") return { kind: "barrier" };
    if (primitive === "Queue" && (op === "get" || op === "put" || op === "join")) return { kind: "queue", op };
  }
  if (category === "io") {
    const http = HTTP_METHODS.exec(on);
    if (http) return { kind: "http", method: http[1] ?? "", url: http[2] ?? "" };
    const space = on.indexOf(" ");
    if (space > 0) return { kind: "file", op: on.slice(0, space), path: on.slice(space + 1) };
  }
  if (category === "task" && on.startsWith("task ")) return { kind: "task", name: on.slice("task ".length), taskId: null };
  if (category === "gather") return { kind: "gather" };
  if (category === "executor") {
    const match = /^run_in_executor\((.*)\)$/.exec(on);
    return { kind: "executor", fn: match ? (match[1] ?? "") : on };
  }
  if (category === "wait") return { kind: "asyncio", call: on };
  return { kind: "other", text: on };
}

/** Times as the judge writes them (to the microsecond), so sums do not show float noise. */
export function roundTime(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** About `count` evenly spaced round values from 0 to end inclusive of 0: steps of 1, 2 or 5 × 10^k. */
export function niceTicks(end: number, count = 6): number[] {
  if (!(end > 0) || !Number.isFinite(end)) return [0];
  const raw = end / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw) ?? 10 * power;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const ticks: number[] = [];
  for (let index = 0; index * step <= end + step * 1e-9; index += 1) ticks.push(Number((index * step).toFixed(decimals)));
  return ticks;
}

type Builder = {
  lane: Lane;
  state: "created" | "running" | "waiting" | "ended";
  since: number;
  wait: WaitTarget | null;
};

function push(lane: Lane, from: number, to: number, state: LaneState, label: SegmentLabel, extra: Partial<Pick<Segment, "cut" | "open">> = {}) {
  const index = lane.segments.length;
  lane.segments.push({ id: `${lane.id}:${index}`, laneId: lane.id, index, from, to: Math.max(from, to), state, label, cut: false, open: false, ...extra });
}

export type ModelOptions = {
  /** Where the time axis ends (a comparison's shared scale); defaults to the run's elapsed. */
  end?: number;
};

export function buildTimeline(trace: TTrace, options: ModelOptions = {}): TimelineModel {
  const taskLanes = new Map<number, Lane>();
  const builders = new Map<number, Builder>();
  for (const task of trace.tasks) {
    const lane: Lane = {
      id: `task-${task.id}`,
      kind: "task",
      ref: task.id,
      title: task.label || task.coroutine || task.name,
      subtitle: task.name,
      depth: 0,
      parentLaneId: null,
      from: task.created,
      to: task.ended,
      outcome: task.outcome,
      error: task.error,
      segments: [],
      pool: null,
    };
    taskLanes.set(task.id, lane);
    builders.set(task.id, { lane, state: "created", since: task.created, wait: null });
  }

  // Blocking calls of the loop, from the summary (complete even when events are truncated).
  const loopLane: Lane = {
    id: LOOP_LANE_ID,
    kind: "loop",
    ref: null,
    title: "",
    subtitle: "",
    depth: 0,
    parentLaneId: null,
    from: 0,
    to: trace.elapsed,
    outcome: null,
    error: null,
    segments: [],
    pool: null,
  };
  const blockingCalls = [...trace.blocking].sort((left, right) => left.t - right.t);
  for (const call of blockingCalls) {
    push(loopLane, call.t, call.end, "blocked", {
      kind: "blocking",
      call: call.call,
      seconds: call.seconds ?? null,
      detail: call.detail ?? null,
      task: call.task,
    });
  }
  const blockerAt = (from: number, to: number): string | null => {
    const call = blockingCalls.find((candidate) => candidate.t < to - EPSILON && candidate.end > from + EPSILON);
    return call ? call.call : null;
  };

  // Threads and executor jobs, with what the events add (sleeps, pools).
  const threadLanes = new Map<number, Lane>();
  for (const thread of trace.threads) {
    const kind: LaneKind = thread.kind === "thread" ? "thread" : "job";
    threadLanes.set(thread.id, {
      id: `${kind}-${thread.id}`,
      kind,
      ref: thread.id,
      title: thread.name,
      subtitle: "",
      depth: 0,
      parentLaneId: null,
      from: thread.started,
      to: thread.ended,
      outcome: null,
      error: null,
      segments: [],
      pool: null,
    });
  }
  const threadSleeps = new Map<number, { t: number; end: number; call: string; seconds: number }[]>();

  // In flight, as the judge counts it (observation.py): a task suspended on a
  // sleep or an executor job until it resumes, a fake request from io-start to io-end.
  const inFlight: InFlightPoint[] = [{ t: 0, count: 0 }];
  let flying = 0;
  const flyingTasks = new Set<number>();
  const openRequests = new Set<number>();
  const flight = (t: number, delta: number) => {
    flying += delta;
    inFlight.push({ t, count: flying });
  };

  const links: CreationLink[] = [];
  const executorWaits: { t: number; fn: string; taskId: number; used: boolean }[] = [];
  let lastT = 0;

  for (const event of trace.events) {
    lastT = Math.max(lastT, event.t);
    const taskId = typeof event.task === "number" ? event.task : null;
    const builder = taskId === null ? undefined : builders.get(taskId);
    switch (event.kind) {
      case "create": {
        if (!builder) break;
        builder.since = event.t;
        const parent = numberField(event, "parent");
        if (parent !== null && taskLanes.has(parent)) {
          links.push({ parentLaneId: `task-${parent}`, childLaneId: builder.lane.id, t: event.t, inferred: false });
        }
        break;
      }
      case "start": {
        if (!builder) break;
        if (event.t > builder.since + EPSILON) {
          push(builder.lane, builder.since, event.t, "ready", { kind: "loop", blockedBy: blockerAt(builder.since, event.t) });
        }
        builder.state = "running";
        builder.since = event.t;
        break;
      }
      case "suspend": {
        if (!builder) break;
        if (builder.state === "running") push(builder.lane, builder.since, event.t, "running", { kind: "step" });
        const wait = parseWait(stringField(event, "on") ?? "", stringField(event, "category") ?? "other", event.t);
        builder.state = "waiting";
        builder.since = event.t;
        builder.wait = wait;
        if (wait.kind === "sleep" || wait.kind === "executor") {
          flyingTasks.add(builder.lane.ref ?? -1);
          flight(event.t, +1);
        }
        if (wait.kind === "executor") executorWaits.push({ t: event.t, fn: wait.fn, taskId: taskId ?? -1, used: false });
        if (wait.kind === "asyncio" && wait.call === "asyncio.to_thread") executorWaits.push({ t: event.t, fn: "", taskId: taskId ?? -1, used: false });
        break;
      }
      case "resume": {
        if (!builder) break;
        if (builder.state === "waiting" && builder.wait) {
          const wait = builder.wait;
          if (wait.kind === "sleep" && event.t > wait.until + SLEEP_TOLERANCE && wait.until >= builder.since) {
            // The sleep was over at `until`, but the loop only got back to the task later.
            push(builder.lane, builder.since, wait.until, "waiting", wait);
            push(builder.lane, wait.until, event.t, "ready", { kind: "loop", blockedBy: blockerAt(wait.until, event.t) });
          } else {
            push(builder.lane, builder.since, event.t, "waiting", wait, { cut: wait.kind === "sleep" && event.t < wait.until - SLEEP_TOLERANCE });
          }
        }
        if (taskId !== null && flyingTasks.delete(taskId)) flight(event.t, -1);
        builder.state = "running";
        builder.since = event.t;
        builder.wait = null;
        break;
      }
      case "blocking": {
        const end = numberField(event, "end") ?? event.t;
        if (builder && builder.state === "running") {
          push(builder.lane, builder.since, event.t, "running", { kind: "step" });
          push(builder.lane, event.t, end, "blocked", {
            kind: "blocking",
            call: stringField(event, "call") ?? "",
            seconds: numberField(event, "seconds"),
            detail: stringField(event, "detail"),
            task: taskId,
          });
          builder.since = end;
        }
        break;
      }
      case "end": {
        if (!builder) break;
        if (builder.state === "running") push(builder.lane, builder.since, event.t, "running", { kind: "step" });
        builder.state = "ended";
        builder.since = event.t;
        break;
      }
      case "io-start": {
        const io = numberField(event, "io");
        if (io !== null) openRequests.add(io);
        flight(event.t, +1);
        break;
      }
      case "io-end": {
        const io = numberField(event, "io");
        if (io !== null && openRequests.delete(io)) flight(event.t, -1);
        break;
      }
      case "thread-sleep": {
        const thread = numberField(event, "thread");
        if (thread === null) break;
        const sleeps = threadSleeps.get(thread) ?? [];
        sleeps.push({ t: event.t, end: numberField(event, "end") ?? event.t, call: stringField(event, "call") ?? "", seconds: numberField(event, "seconds") ?? 0 });
        threadSleeps.set(thread, sleeps);
        break;
      }
      case "job-start": {
        const lane = threadLanes.get(numberField(event, "thread") ?? -1);
        if (!lane) break;
        const process = field(event, "process") === true;
        lane.pool = {
          pool: numberField(event, "pool"),
          workers: numberField(event, "workers"),
          process,
          worker: process ? numberField(event, "worker") : null,
        };
        // The task that awaited this job: suspended at this instant on
        // run_in_executor(<same function>) or asyncio.to_thread.
        const waiting =
          executorWaits.find((candidate) => !candidate.used && candidate.fn === lane.title && Math.abs(candidate.t - event.t) <= EPSILON) ??
          executorWaits.find((candidate) => !candidate.used && candidate.fn === "" && Math.abs(candidate.t - event.t) <= EPSILON);
        if (waiting && taskLanes.has(waiting.taskId)) {
          waiting.used = true;
          links.push({ parentLaneId: `task-${waiting.taskId}`, childLaneId: lane.id, t: event.t, inferred: true });
        }
        break;
      }
      default:
        break;
    }
  }

  // Lanes the events left open: a truncated trace stopped recording; otherwise
  // the task was still pending when the run ended.
  for (const builder of builders.values()) {
    const { lane } = builder;
    if (builder.state === "ended") continue;
    if (trace.truncated) {
      // What was recorded still holds up to the last recorded event; after it, nothing is known.
      let since = builder.since;
      if (lastT > since + EPSILON && builder.state !== "created") {
        if (builder.state === "waiting" && builder.wait) push(lane, since, lastT, "waiting", builder.wait);
        else push(lane, since, lastT, "running", { kind: "step" });
        since = lastT;
      }
      const end = Math.max(since, lane.to ?? trace.elapsed);
      if (end > since + EPSILON || lane.segments.length === 0) push(lane, since, end, "untraced", { kind: "untraced" });
      continue;
    }
    const end = Math.max(builder.since, trace.elapsed);
    if (builder.state === "waiting" && builder.wait) push(lane, builder.since, end, "waiting", builder.wait, { open: true });
    else if (builder.state === "running") push(lane, builder.since, end, "running", { kind: "step" }, { open: true });
    else push(lane, builder.since, end, "ready", { kind: "loop", blockedBy: null }, { open: true });
  }

  for (const lane of threadLanes.values()) {
    const end = lane.to ?? trace.elapsed;
    let since = lane.from;
    const sleeps = (threadSleeps.get(lane.ref ?? -1) ?? []).sort((left, right) => left.t - right.t);
    for (const sleep of sleeps) {
      if (sleep.t > since + EPSILON) push(lane, since, sleep.t, "running", { kind: "thread-run" });
      push(lane, sleep.t, sleep.end, "waiting", { kind: "thread-sleep", call: sleep.call, seconds: sleep.seconds });
      since = Math.max(since, sleep.end);
    }
    if (end > since + EPSILON || lane.segments.length === 0) {
      push(lane, since, Math.max(since, end), "running", { kind: "thread-run" }, { open: lane.to === null });
    }
  }

  // Which task a `task …` wait names: the label of a task alive at that moment, a child first.
  const lanesByTitle = new Map<string, Lane[]>();
  for (const lane of taskLanes.values()) {
    const same = lanesByTitle.get(lane.title);
    if (same) same.push(lane);
    else lanesByTitle.set(lane.title, [lane]);
  }
  const childIds = new Set(links.map((link) => `${link.parentLaneId}>${link.childLaneId}`));
  for (const lane of taskLanes.values()) {
    for (const segment of lane.segments) {
      if (segment.label.kind !== "task") continue;
      const candidates = (lanesByTitle.get(segment.label.name) ?? []).filter(
        (other) => other !== lane && other.from <= segment.from + EPSILON && (other.to === null || other.to >= segment.from - EPSILON),
      );
      const found = candidates.find((other) => childIds.has(`${lane.id}>${other.id}`)) ?? candidates[0];
      segment.label = { ...segment.label, taskId: found?.ref ?? null };
    }
  }

  const lanes = orderLanes(loopLane, [...taskLanes.values()], [...threadLanes.values()], links);
  const drawnPeak = inFlight.reduce((peak, point) => Math.max(peak, point.count), 0);
  const peakNote = drawnPeak === trace.peakInFlight ? null : trace.truncated ? "truncated" : "mismatch";
  const latest = lanes.reduce((latest, lane) => lane.segments.reduce((most, segment) => Math.max(most, segment.to), latest), Math.max(trace.elapsed, lastT));
  const end = Math.max(options.end ?? 0, latest) || 1;
  return {
    lanes,
    links,
    inFlight,
    peakInFlight: trace.peakInFlight,
    drawnPeak,
    peakNote,
    elapsed: trace.elapsed,
    end,
    ticks: niceTicks(end),
    truncated: trace.truncated,
    taskCount: trace.tasks.length,
    blockingCount: trace.blocking.length,
  };
}

/**
 * The loop first, then each root task followed by its children (by creation,
 * depth-first, so a child sits right under its parent), executor jobs under
 * the task that awaited them, and the remaining threads and jobs last, by start.
 */
function orderLanes(loop: Lane, tasks: Lane[], threads: Lane[], links: CreationLink[]): Lane[] {
  const byId = new Map<string, Lane>([...tasks, ...threads].map((lane) => [lane.id, lane]));
  const children = new Map<string, Lane[]>();
  for (const link of links) {
    const child = byId.get(link.childLaneId);
    if (!child || child.parentLaneId !== null) continue;
    child.parentLaneId = link.parentLaneId;
    const siblings = children.get(link.parentLaneId) ?? [];
    siblings.push(child);
    children.set(link.parentLaneId, siblings);
  }
  const byStart = (left: Lane, right: Lane) => left.from - right.from || (left.kind === right.kind ? (left.ref ?? 0) - (right.ref ?? 0) : left.kind === "task" ? -1 : 1);
  const ordered: Lane[] = [loop];
  const seen = new Set<string>();
  // An explicit stack: a chain of 1 000 nested tasks must not overflow the call stack.
  const visit = (root: Lane) => {
    const stack: { lane: Lane; depth: number }[] = [{ lane: root, depth: 0 }];
    while (stack.length > 0) {
      const { lane, depth } = stack.pop() as { lane: Lane; depth: number };
      if (seen.has(lane.id)) continue;
      seen.add(lane.id);
      lane.depth = depth;
      ordered.push(lane);
      const next = [...(children.get(lane.id) ?? [])].sort(byStart);
      for (let index = next.length - 1; index >= 0; index -= 1) {
        const child = next[index];
        if (child) stack.push({ lane: child, depth: depth + 1 });
      }
    }
  };
  for (const lane of [...tasks].sort(byStart)) if (lane.parentLaneId === null) visit(lane);
  for (const lane of [...threads].sort(byStart)) if (!seen.has(lane.id)) visit(lane);
  // A parent that is not a lane of this trace (cannot happen with the judge's traces): still show the lane.
  for (const lane of [...tasks, ...threads]) if (!seen.has(lane.id)) visit(lane);
  return ordered;
}

/** The in-flight series as drawn: one value per instant, the last one at that instant. */
export function inFlightSteps(model: Pick<TimelineModel, "inFlight">): InFlightPoint[] {
  const steps: InFlightPoint[] = [];
  for (const point of model.inFlight) {
    const last = steps.at(-1);
    if (last && Math.abs(last.t - point.t) <= EPSILON) last.count = point.count;
    else steps.push({ ...point });
  }
  return steps;
}

/** The number in flight at time t (after every change at t). */
export function inFlightAt(model: Pick<TimelineModel, "inFlight">, t: number): number {
  let count = 0;
  for (const point of model.inFlight) {
    if (point.t > t + EPSILON) break;
    count = point.count;
  }
  return count;
}

/** Whether two lanes' lives (first start to end) overlap in time: concurrency at a glance. */
export function lifetimesOverlap(left: Lane, right: Lane): boolean {
  const leftStart = left.segments[0]?.from ?? left.from;
  const rightStart = right.segments[0]?.from ?? right.from;
  const leftEnd = left.to ?? left.segments.at(-1)?.to ?? leftStart;
  const rightEnd = right.to ?? right.segments.at(-1)?.to ?? rightStart;
  return leftStart < rightEnd - EPSILON && rightStart < leftEnd - EPSILON;
}

/** What the chart draws for one lane: a segment, or a run of segments too short to draw apart. */
export type DrawItem = {
  key: string;
  laneId: string;
  from: number;
  to: number;
  segments: Segment[];
  /** The state the item is drawn in: a single segment's, a cluster's longest (blocked if any part is). */
  state: LaneState;
};

function dominantState(segments: Segment[]): LaneState {
  if (segments.some((segment) => segment.state === "blocked")) return "blocked";
  const totals = new Map<LaneState, number>();
  for (const segment of segments) totals.set(segment.state, (totals.get(segment.state) ?? 0) + (segment.to - segment.from));
  let best: LaneState = segments[0]?.state ?? "running";
  let longest = -1;
  for (const [state, total] of totals) {
    if (total > longest) {
      best = state;
      longest = total;
    }
  }
  return best;
}

/**
 * Segments narrower than `minPx` at this width are grouped with their
 * neighbours until a group is `minPx` wide, so a lane of 10 000 short sleeps
 * draws a few hundred elements, each still focusable and described, instead
 * of 10 000 invisible ones. A lone instant between wide segments stays itself.
 */
export function clusterSegments(segments: Segment[], end: number, widthPx: number, minPx = 4): DrawItem[] {
  const perSecond = widthPx / (end > 0 ? end : 1);
  const items: DrawItem[] = [];
  let group: Segment[] = [];
  const flush = () => {
    const first = group[0];
    const last = group.at(-1);
    if (first && last) {
      items.push({
        key: group.length === 1 ? first.id : `${first.id}+${group.length}`,
        laneId: first.laneId,
        from: first.from,
        to: last.to,
        segments: group,
        state: group.length === 1 ? first.state : dominantState(group),
      });
    }
    group = [];
  };
  for (const segment of segments) {
    if ((segment.to - segment.from) * perSecond >= minPx) {
      flush();
      group = [segment];
      flush();
      continue;
    }
    const first = group[0];
    if (first && (segment.from - first.from) * perSecond >= minPx) flush();
    group.push(segment);
  }
  flush();
  return items;
}
