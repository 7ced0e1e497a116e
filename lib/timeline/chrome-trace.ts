/**
 * A run's timeline in the Chrome Trace Event Format (the JSON object form,
 * `{ traceEvents: [...] }`), which Perfetto (ui.perfetto.dev) and
 * chrome://tracing open: one thread per lane (named by "M" metadata events,
 * kept in the page's order by thread_sort_index), each lane's life as an "X"
 * complete event with its states nested inside, task creation as flow events
 * from the parent's lane to the child's, and the number in flight as a
 * counter. Times are microseconds of the run's clock.
 */
import { LOOP_LANE_ID, type Lane, type Segment, type TimelineModel } from "./model";

export type ChromeTraceEvent = {
  name: string;
  ph: "X" | "M" | "s" | "f" | "i" | "C";
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  cat?: string;
  id?: number;
  bp?: "e";
  s?: "t" | "p" | "g";
  args?: Record<string, unknown>;
};

export type ChromeTrace = {
  traceEvents: ChromeTraceEvent[];
  displayTimeUnit: "ms";
  otherData: Record<string, string | number | boolean>;
};

/** How lanes and segments are named in the file: the UI passes its localized words. */
export type ChromeTraceNames = {
  lane: (lane: Lane) => string;
  segment: (segment: Segment, lane: Lane) => string;
  process: string;
  inFlight: string;
};

const ENGLISH: ChromeTraceNames = {
  lane: (lane) => (lane.id === LOOP_LANE_ID ? "event loop" : lane.title),
  segment: (segment) => (segment.label.kind === "step" ? "running" : segment.label.kind === "blocking" ? segment.label.call : `${segment.state}: ${segment.label.kind}`),
  process: "asyncio run (virtual time)",
  inFlight: "in flight",
};

const PID = 1;
const microseconds = (seconds: number) => Math.round(seconds * 1e6);

/** Order of the file: metadata first, then by time; at one instant, the enclosing (longer) slice first. */
function compareEvents(left: ChromeTraceEvent, right: ChromeTraceEvent): number {
  const leftMeta = left.ph === "M" ? 0 : 1;
  const rightMeta = right.ph === "M" ? 0 : 1;
  if (leftMeta !== rightMeta) return leftMeta - rightMeta;
  return (left.ts ?? 0) - (right.ts ?? 0) || (right.dur ?? 0) - (left.dur ?? 0);
}

export function toChromeTrace(model: TimelineModel, names: ChromeTraceNames = ENGLISH, meta: Record<string, string> = {}): ChromeTrace {
  const events: ChromeTraceEvent[] = [{ name: "process_name", ph: "M", pid: PID, tid: 0, args: { name: names.process } }];
  const tids = new Map<string, number>();
  model.lanes.forEach((lane, index) => tids.set(lane.id, index + 1));

  for (const [index, lane] of model.lanes.entries()) {
    const tid = index + 1;
    const laneName = names.lane(lane);
    events.push({ name: "thread_name", ph: "M", pid: PID, tid, args: { name: laneName } });
    events.push({ name: "thread_sort_index", ph: "M", pid: PID, tid, args: { sort_index: index } });
    const first = lane.segments[0];
    const last = lane.segments.at(-1);
    if (lane.kind !== "loop" && first && last) {
      const from = Math.min(lane.from, first.from);
      events.push({
        name: laneName,
        cat: lane.kind,
        ph: "X",
        pid: PID,
        tid,
        ts: microseconds(from),
        dur: Math.max(0, microseconds(last.to) - microseconds(from)),
        args: {
          kind: lane.kind,
          id: lane.ref,
          name: lane.subtitle || undefined,
          outcome: lane.outcome ?? undefined,
          error: lane.error ?? undefined,
          pool: lane.pool ?? undefined,
        },
      });
    }
    for (const segment of lane.segments) {
      const from = microseconds(segment.from);
      events.push({
        name: names.segment(segment, lane),
        cat: segment.state,
        ph: "X",
        pid: PID,
        tid,
        ts: from,
        dur: Math.max(0, microseconds(segment.to) - from),
        args: { state: segment.state, ...segment.label, cut: segment.cut || undefined, open: segment.open || undefined },
      });
    }
  }

  // Creation: an arrow from the parent's lane to the child's at the instant.
  for (const [index, link] of model.links.entries()) {
    const parentTid = tids.get(link.parentLaneId);
    const childTid = tids.get(link.childLaneId);
    if (parentTid === undefined || childTid === undefined) continue;
    const ts = microseconds(link.t);
    const name = link.inferred ? "run_in_executor" : "create_task";
    events.push({ name, cat: "create", ph: "s", id: index + 1, pid: PID, tid: parentTid, ts });
    events.push({ name, cat: "create", ph: "f", bp: "e", id: index + 1, pid: PID, tid: childTid, ts });
    events.push({ name, cat: "create", ph: "i", s: "t", pid: PID, tid: childTid, ts, args: { parent: link.parentLaneId, child: link.childLaneId } });
  }

  // The in-flight count: the last value at each instant (Perfetto draws one value per timestamp).
  const counter = new Map<number, number>();
  for (const point of model.inFlight) counter.set(microseconds(point.t), point.count);
  for (const [ts, count] of counter) events.push({ name: names.inFlight, ph: "C", pid: PID, tid: 0, ts, args: { count } });

  events.sort(compareEvents);
  return {
    traceEvents: events,
    displayTimeUnit: "ms",
    otherData: {
      source: "Awaitable",
      clock: "seconds of the run's clock (virtual unless the exercise uses the wall clock)",
      elapsedSeconds: model.elapsed,
      peakInFlight: model.peakInFlight,
      truncated: model.truncated,
      ...meta,
    },
  };
}
