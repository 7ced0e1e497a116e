import { describe, expect, it } from "vitest";
import { toChromeTrace, type ChromeTraceEvent } from "./chrome-trace";
import { FIXTURES, loadFixture } from "./fixtures";
import { buildTimeline } from "./model";

const slices = (events: ChromeTraceEvent[], tid: number) => events.filter((event) => event.ph === "X" && event.tid === tid);

describe("toChromeTrace", () => {
  for (const name of FIXTURES) {
    it(`${name}: valid JSON of the object form, every lane named, durations non-negative, sorted, slices nested`, () => {
      const model = buildTimeline(loadFixture(name));
      const parsed = JSON.parse(JSON.stringify(toChromeTrace(model))) as { traceEvents: ChromeTraceEvent[]; displayTimeUnit: string };
      const events = parsed.traceEvents;
      expect(Array.isArray(events)).toBe(true);
      expect(parsed.displayTimeUnit).toBe("ms");

      const threadNames = new Map(events.filter((event) => event.ph === "M" && event.name === "thread_name").map((event) => [event.tid, event.args?.name]));
      expect(threadNames.size).toBe(model.lanes.length);
      for (const value of threadNames.values()) expect(typeof value === "string" && value.length > 0).toBe(true);
      for (const event of events) {
        expect(event.pid).toBe(1);
        if (event.ph !== "M") {
          expect(Number.isInteger(event.ts)).toBe(true);
          expect(event.ts).toBeGreaterThanOrEqual(0);
        }
        if (event.ph === "X") {
          expect(Number.isInteger(event.dur)).toBe(true);
          expect(event.dur).toBeGreaterThanOrEqual(0);
          expect(threadNames.has(event.tid)).toBe(true);
        }
      }
      // Metadata first, then by time.
      const firstTimed = events.findIndex((event) => event.ph !== "M");
      expect(events.slice(firstTimed).some((event) => event.ph === "M")).toBe(false);
      for (let index = firstTimed + 1; index < events.length; index += 1) {
        expect(events[index]?.ts ?? 0).toBeGreaterThanOrEqual(events[index - 1]?.ts ?? 0);
      }
      // On each lane, slices either nest or follow each other (what the viewers require of "X" events on one thread).
      for (const tid of threadNames.keys()) {
        const open: number[] = [];
        for (const slice of slices(events, tid)) {
          const start = slice.ts ?? 0;
          const end = start + (slice.dur ?? 0);
          // A slice that ended at this instant encloses only an instant (a zero-length slice) there.
          while (open.length > 0 && ((open.at(-1) ?? 0) < start || ((open.at(-1) ?? 0) === start && end > start))) open.pop();
          const parentEnd = open.at(-1);
          if (parentEnd !== undefined) expect(end).toBeLessThanOrEqual(parentEnd);
          open.push(end);
        }
      }
      // Every flow start has its end, on another lane, at the same instant.
      const starts = events.filter((event) => event.ph === "s");
      const ends = new Map(events.filter((event) => event.ph === "f").map((event) => [event.id, event]));
      expect(starts).toHaveLength(model.links.length);
      for (const start of starts) {
        const end = ends.get(start.id);
        expect(end?.bp).toBe("e");
        expect(end?.ts).toBe(start.ts);
        expect(end?.tid).not.toBe(start.tid);
      }
    });
  }

  it("sequential: the say_after lanes' sleeps in microseconds, the second created by main_tasks at 1 s", () => {
    const model = buildTimeline(loadFixture("sequential"));
    const trace = toChromeTrace(model);
    const tidOf = (title: string) => trace.traceEvents.find((event) => event.ph === "M" && event.name === "thread_name" && event.args?.name === title)?.tid;
    const world = tidOf("say_after(2, 'World')");
    expect(world).toBeDefined();
    const sleep = trace.traceEvents.find((event) => event.ph === "X" && event.tid === world && event.cat === "waiting");
    expect(sleep).toMatchObject({ ts: 1_000_000, dur: 2_000_000, args: { state: "waiting", kind: "sleep", seconds: 2, until: 3 } });
    const flowEnd = trace.traceEvents.find((event) => event.ph === "f" && event.tid === world);
    expect(flowEnd?.ts).toBe(1_000_000);
    const flowStart = trace.traceEvents.find((event) => event.ph === "s" && event.id === flowEnd?.id);
    expect(flowStart?.tid).toBe(tidOf("main_tasks()"));
    expect(trace.otherData).toMatchObject({ elapsedSeconds: 3, peakInFlight: 1, truncated: false });
  });

  it("the in-flight counter has one value per instant, the last one", () => {
    const trace = toChromeTrace(buildTimeline(loadFixture("gather")));
    const counter = trace.traceEvents.filter((event) => event.ph === "C").map((event) => [event.ts, event.args?.count]);
    expect(counter).toEqual([
      [0, 2],
      [1_000_000, 1],
      [2_000_000, 0],
    ]);
  });

  it("blocking calls are slices of the loop's lane", () => {
    const trace = toChromeTrace(buildTimeline(loadFixture("blocking-sleep")));
    const loop = trace.traceEvents.find((event) => event.ph === "M" && event.name === "thread_name" && event.args?.name === "event loop");
    const blocked = slices(trace.traceEvents, loop?.tid ?? -1);
    expect(blocked.map((event) => [event.name, event.ts, event.dur])).toEqual([
      ["time.sleep", 0, 1_000_000],
      ["time.sleep", 1_000_000, 2_000_000],
    ]);
  });
});
