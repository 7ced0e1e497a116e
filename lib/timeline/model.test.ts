import { describe, expect, it } from "vitest";
import { FIXTURES, loadFixture } from "./fixtures";
import { buildTimeline, clusterSegments, inFlightAt, inFlightSteps, lifetimesOverlap, LOOP_LANE_ID, niceTicks, parseWait, type Lane, type TimelineModel } from "./model";

const laneOf = (model: TimelineModel, title: string): Lane => {
  const lane = model.lanes.find((candidate) => candidate.title === title);
  if (!lane) throw new Error(`no lane ${title}: ${model.lanes.map((candidate) => candidate.title).join(", ")}`);
  return lane;
};
const states = (lane: Lane) => lane.segments.map((segment) => `${segment.state} ${segment.from}-${segment.to}`);

describe("buildTimeline on every fixture", () => {
  for (const name of FIXTURES) {
    it(`${name}: lanes cover every task and thread, segments are ordered, contiguous and inside the axis`, () => {
      const trace = loadFixture(name);
      const model = buildTimeline(trace);
      expect(model.lanes[0]?.id).toBe(LOOP_LANE_ID);
      expect(model.lanes.filter((lane) => lane.kind === "task")).toHaveLength(trace.tasks.length);
      expect(model.lanes.filter((lane) => lane.kind === "thread" || lane.kind === "job")).toHaveLength(trace.threads.length);
      const ids = model.lanes.flatMap((lane) => lane.segments.map((segment) => segment.id));
      expect(new Set(ids).size).toBe(ids.length);
      for (const lane of model.lanes) {
        if (lane.kind !== "loop") expect(lane.segments.length).toBeGreaterThan(0);
        for (const [index, segment] of lane.segments.entries()) {
          expect(segment.to).toBeGreaterThanOrEqual(segment.from);
          expect(segment.from).toBeGreaterThanOrEqual(0);
          expect(segment.to).toBeLessThanOrEqual(model.end + 1e-9);
          const previous = lane.segments[index - 1];
          // A task's life is one unbroken chain of states; the loop lane only has its blocking calls.
          if (previous && lane.kind === "task") expect(segment.from).toBeCloseTo(previous.to, 9);
          if (previous) expect(segment.from).toBeGreaterThanOrEqual(previous.to - 1e-9);
        }
        if (lane.kind === "task" && lane.to !== null) expect(lane.segments.at(-1)?.to).toBeCloseTo(lane.to, 9);
      }
      // Children follow their parent, one level deeper.
      for (const [index, lane] of model.lanes.entries()) {
        if (lane.parentLaneId === null) continue;
        const parentIndex = model.lanes.findIndex((candidate) => candidate.id === lane.parentLaneId);
        expect(parentIndex).toBeGreaterThanOrEqual(0);
        expect(parentIndex).toBeLessThan(index);
        expect(lane.depth).toBe((model.lanes[parentIndex]?.depth ?? 0) + 1);
      }
    });

    it(`${name}: the in-flight series peaks where the judge says (or says why not)`, () => {
      const trace = loadFixture(name);
      const model = buildTimeline(trace);
      expect(model.peakInFlight).toBe(trace.peakInFlight);
      if (trace.truncated) expect(model.peakNote === null || model.peakNote === "truncated").toBe(true);
      else {
        expect(model.drawnPeak).toBe(trace.peakInFlight);
        expect(model.peakNote).toBeNull();
      }
      expect(model.inFlight.every((point) => point.count >= 0)).toBe(true);
    });
  }
});

describe("sequential vs gather", () => {
  it("sequential: the second task is created when the first has ended, so their lives do not overlap", () => {
    const model = buildTimeline(loadFixture("sequential"));
    const main = laneOf(model, "main_tasks()");
    const hello = laneOf(model, "say_after(1, 'Hello')");
    const world = laneOf(model, "say_after(2, 'World')");
    expect(model.lanes.map((lane) => lane.id)).toEqual([LOOP_LANE_ID, main.id, hello.id, world.id]);
    expect([main.depth, hello.depth, world.depth]).toEqual([0, 1, 1]);
    expect(lifetimesOverlap(hello, world)).toBe(false);
    expect(model.links).toEqual([
      { parentLaneId: main.id, childLaneId: hello.id, t: 0, inferred: false },
      { parentLaneId: main.id, childLaneId: world.id, t: 1, inferred: false },
    ]);
    // main_tasks waits on each task in turn, and each say_after on its sleep.
    expect(main.segments.filter((segment) => segment.state === "waiting").map((segment) => segment.label)).toEqual([
      { kind: "task", name: "say_after(1, 'Hello')", taskId: hello.ref },
      { kind: "task", name: "say_after(2, 'World')", taskId: world.ref },
    ]);
    expect(world.segments.find((segment) => segment.state === "waiting")).toMatchObject({ from: 1, to: 3, label: { kind: "sleep", seconds: 2, until: 3 }, cut: false });
    expect(model.elapsed).toBe(3);
    expect(model.peakInFlight).toBe(1);
  });

  it("gather: both say_after tasks wait at the same time, two in flight", () => {
    const model = buildTimeline(loadFixture("gather"));
    const hello = laneOf(model, "say_after(1, 'Hello')");
    const world = laneOf(model, "say_after(2, 'World')");
    expect(lifetimesOverlap(hello, world)).toBe(true);
    expect(inFlightAt(model, 0.5)).toBe(2);
    expect(inFlightAt(model, 1.5)).toBe(1);
    expect(inFlightAt(model, 2)).toBe(0);
    const main = laneOf(model, "main_gather()");
    expect(main.segments.find((segment) => segment.state === "waiting")?.label).toEqual({ kind: "gather" });
    expect(model.elapsed).toBe(2);
  });
});

describe("what waits are labelled with", () => {
  const waits = (model: TimelineModel) => model.lanes.flatMap((lane) => lane.segments.filter((segment) => segment.state === "waiting").map((segment) => segment.label));

  it("a lock: the second and third critical sections wait on Lock.acquire", () => {
    const labels = waits(buildTimeline(loadFixture("lock")));
    expect(labels.filter((label) => label.kind === "lock")).toHaveLength(2);
  });

  it("a queue pipeline: consumers wait on Queue.get", () => {
    const labels = waits(buildTimeline(loadFixture("queue")));
    expect(labels.some((label) => label.kind === "queue" && label.op === "get")).toBe(true);
  });

  it("a semaphore: 990 of the 1 000 crawlers wait for it, 10 sleep at a time", () => {
    const model = buildTimeline(loadFixture("semaphore-1000"));
    expect(model.lanes).toHaveLength(1 + 1001);
    expect(waits(model).filter((label) => label.kind === "semaphore")).toHaveLength(990);
    expect(inFlightAt(model, 50.5)).toBe(10);
    expect(model.lanes.slice(2).every((lane) => lane.depth === 1)).toBe(true);
    expect(model.ticks).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it("HTTP requests: the method and the URL", () => {
    const labels = waits(buildTimeline(loadFixture("http")));
    const requests = labels.filter((label) => label.kind === "http");
    expect(requests).toHaveLength(3);
    expect(requests[0]).toMatchObject({ kind: "http", method: "GET" });
    expect(requests[0]?.kind === "http" && requests[0].url.startsWith("http")).toBe(true);
  });

  it("an executor job: the task waits on run_in_executor(fn), the job is its own lane under it, sleeping in its thread", () => {
    const model = buildTimeline(loadFixture("executor"));
    const main = laneOf(model, "main_executor()");
    const job = laneOf(model, "blocking_function");
    expect(job.kind).toBe("job");
    expect(job.parentLaneId).toBe(main.id);
    expect(job.pool).toEqual({ pool: 0, workers: 8, process: false, worker: null });
    expect(model.links).toContainEqual({ parentLaneId: main.id, childLaneId: job.id, t: 0, inferred: true });
    expect(main.segments.find((segment) => segment.state === "waiting")?.label).toEqual({ kind: "executor", fn: "blocking_function" });
    expect(job.segments).toMatchObject([{ state: "waiting", from: 0, to: 2, label: { kind: "thread-sleep", call: "time.sleep", seconds: 2 } }]);
    // A sleeping job is not a blocked loop.
    expect(model.lanes[0]?.segments).toEqual([]);
  });

  it("to_thread jobs sit under the task that awaited them; a thread of its own stays a root lane", () => {
    const model = buildTimeline(loadFixture("threads"));
    const jobs = model.lanes.filter((lane) => lane.kind === "job");
    expect(jobs.length).toBe(4);
    expect(jobs.every((lane) => lane.parentLaneId !== null)).toBe(true);
    const thread = model.lanes.find((lane) => lane.kind === "thread");
    expect(thread?.parentLaneId).toBeNull();
  });
});

describe("blocking, cancellation, truncation", () => {
  it("time.sleep in a coroutine: red on the loop's lane and on the task, and the next task waits for the loop", () => {
    const model = buildTimeline(loadFixture("blocking-sleep"));
    expect(model.lanes[0]?.segments.map((segment) => [segment.state, segment.from, segment.to, segment.label.kind])).toEqual([
      ["blocked", 0, 1, "blocking"],
      ["blocked", 1, 3, "blocking"],
    ]);
    const world = laneOf(model, "say_after(2, 'World')");
    expect(states(world)).toEqual(["ready 0-1", "running 1-1", "blocked 1-3", "running 3-3"]);
    expect(world.segments[0]?.label).toEqual({ kind: "loop", blockedBy: "time.sleep" });
    expect(model.blockingCount).toBe(2);
  });

  it("requests.get in a coroutine: the URL is on the blocked stretch", () => {
    const model = buildTimeline(loadFixture("requests-blocking"));
    const blocked = model.lanes[0]?.segments ?? [];
    expect(blocked).toHaveLength(3);
    expect(blocked[0]?.label).toMatchObject({ kind: "blocking", call: "requests.get", detail: "https://httpbin.org/get", seconds: 2 });
  });

  it("a sleep that was over while the loop was blocked: waiting until it ended, then ready until the loop ran it", () => {
    const model = buildTimeline(loadFixture("late-wakeup"));
    const tick = laneOf(model, "tick()");
    expect(states(tick)).toEqual(["running 0-0", "waiting 0-1", "ready 1-2", "running 2-2"]);
    expect(tick.segments[2]?.label).toEqual({ kind: "loop", blockedBy: "time.sleep" });
  });

  it("a cancelled task: outcome cancelled, its last sleep cut short", () => {
    const model = buildTimeline(loadFixture("cancel"));
    const heartbeat = laneOf(model, "heartbeat()");
    expect(heartbeat.outcome).toBe("cancelled");
    const lastWait = heartbeat.segments.filter((segment) => segment.state === "waiting").at(-1);
    expect(lastWait).toMatchObject({ from: 1, to: 1.2, cut: true, label: { kind: "sleep", seconds: 0.5, until: 1.5 } });
    const slow = laneOf(model, "slow()");
    expect(slow.outcome).toBe("cancelled");
    expect(laneOf(model, "main()").segments.some((segment) => segment.label.kind === "asyncio" && segment.label.call === "asyncio.wait_for")).toBe(true);
  });

  it("a truncated trace: lanes end in an untraced stretch up to the task's recorded end", () => {
    const trace = loadFixture("truncated");
    const model = buildTimeline(trace);
    expect(model.truncated).toBe(true);
    const tickers = model.lanes.filter((lane) => lane.title.startsWith("ticker"));
    expect(tickers).toHaveLength(2);
    for (const lane of tickers) {
      const last = lane.segments.at(-1);
      expect(last?.state).toBe("untraced");
      expect(last?.to).toBe(lane.to);
    }
    // main() was waiting on gather when the recording stopped: that much is known.
    const main = laneOf(model, "main()");
    expect(main.segments.map((segment) => segment.state)).toEqual(["running", "waiting", "untraced"]);
    expect(main.segments[1]?.label).toEqual({ kind: "gather" });
  });
});

describe("inFlightSteps", () => {
  it("draws one value per instant: 1 000 crawlers hand the semaphore on without dipping to 9", () => {
    const model = buildTimeline(loadFixture("semaphore-1000"));
    const steps = inFlightSteps(model);
    expect(new Set(steps.map((step) => step.t)).size).toBe(steps.length);
    expect(steps.filter((step) => step.t > 0 && step.t < 100).every((step) => step.count === 10)).toBe(true);
    expect(steps.at(-1)).toEqual({ t: 100, count: 0 });
  });
});

describe("sleeps whose length the trace rounds", () => {
  it("a sleep resumed at its (rounded) end is neither cut short nor late", () => {
    const model = buildTimeline(loadFixture("queue"));
    const sleeps = model.lanes.flatMap((lane) => lane.segments.filter((segment) => segment.label.kind === "sleep"));
    expect(sleeps.length).toBeGreaterThan(10);
    expect(sleeps.filter((segment) => segment.cut)).toEqual([]);
    expect(model.lanes.flatMap((lane) => lane.segments.filter((segment) => segment.state === "ready"))).toEqual([]);
  });
});

describe("a shared scale", () => {
  it("the axis ends at the longer run's end when asked", () => {
    const model = buildTimeline(loadFixture("gather"), { end: 3 });
    expect(model.elapsed).toBe(2);
    expect(model.end).toBe(3);
    expect(model.ticks).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
  });
});

describe("niceTicks", () => {
  it("uses steps of 1, 2 or 5 times a power of ten, starting at 0", () => {
    expect(niceTicks(3)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
    expect(niceTicks(0.755906)).toEqual([0, 0.2, 0.4, 0.6]);
    expect(niceTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6]);
    expect(niceTicks(0.3)).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(niceTicks(0)).toEqual([0]);
  });
});

describe("parseWait", () => {
  it("reads the runtime's suspend strings", () => {
    expect(parseWait("asyncio.sleep(0.5)", "sleep", 1)).toEqual({ kind: "sleep", seconds: 0.5, until: 1.5 });
    expect(parseWait("asyncio.sleep(0)", "yield", 1)).toEqual({ kind: "yield" });
    expect(parseWait("Lock.acquire", "sync", 0)).toEqual({ kind: "lock" });
    expect(parseWait("BoundedSemaphore.acquire", "sync", 0)).toEqual({ kind: "semaphore", bounded: true });
    expect(parseWait("Event.wait", "sync", 0)).toEqual({ kind: "event" });
    expect(parseWait("Condition.wait_for", "sync", 0)).toEqual({ kind: "condition" });
    expect(parseWait("Queue.put", "sync", 0)).toEqual({ kind: "queue", op: "put" });
    expect(parseWait("POST https://api.example.com/orders?id=1", "io", 0)).toEqual({ kind: "http", method: "POST", url: "https://api.example.com/orders?id=1" });
    expect(parseWait("readline data.txt", "io", 0)).toEqual({ kind: "file", op: "readline", path: "data.txt" });
    expect(parseWait("task worker('a b')", "task", 0)).toEqual({ kind: "task", name: "worker('a b')", taskId: null });
    expect(parseWait("asyncio.gather", "gather", 0)).toEqual({ kind: "gather" });
    expect(parseWait("run_in_executor(partial(f))", "executor", 0)).toEqual({ kind: "executor", fn: "partial(f)" });
    expect(parseWait("asyncio.wait_for", "wait", 0)).toEqual({ kind: "asyncio", call: "asyncio.wait_for" });
    expect(parseWait("my_awaitable", "other", 0)).toEqual({ kind: "other", text: "my_awaitable" });
  });
});

describe("clusterSegments", () => {
  it("keeps wide segments and lone instants as they are", () => {
    const model = buildTimeline(loadFixture("sequential"));
    const world = laneOf(model, "say_after(2, 'World')");
    const items = clusterSegments(world.segments, model.end, 600);
    expect(items.map((item) => item.segments.length)).toEqual(world.segments.map(() => 1));
    expect(items.map((item) => item.key)).toEqual(world.segments.map((segment) => segment.id));
  });

  it("groups 10 000 short sleeps into elements at least 4 px wide, covering the lane without gaps", () => {
    const model = buildTimeline(loadFixture("truncated"));
    const ticker = model.lanes.find((lane) => lane.title.startsWith("ticker"));
    if (!ticker) throw new Error("no ticker lane");
    const items = clusterSegments(ticker.segments, model.end, 600);
    expect(ticker.segments.length).toBeGreaterThan(9000);
    expect(items.length).toBeLessThan(200);
    expect(items.reduce((sum, item) => sum + item.segments.length, 0)).toBe(ticker.segments.length);
    for (const [index, item] of items.entries()) {
      const previous = items[index - 1];
      if (previous) expect(item.from).toBeCloseTo(previous.to, 9);
    }
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
  });

  it("draws a group holding a blocking call as blocked", () => {
    const model = buildTimeline(loadFixture("blocking-sleep"));
    const world = laneOf(model, "say_after(2, 'World')");
    // At 10 px for 3 s, the 2 s blocked stretch is wide, the ready second is 3 px: grouped with the instant after it.
    const items = clusterSegments(world.segments, model.end, 10);
    expect(items.map((item) => [item.state, item.segments.length])).toEqual([
      ["ready", 2],
      ["blocked", 1],
      ["running", 1],
    ]);
  });
});
