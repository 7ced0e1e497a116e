import { describe, expect, it } from "vitest";
import { RETRY_AFTER_MS, SAVE_AFTER_MS, SaveQueue, type Outgoing, type SaveState, type SendResult } from "./save-queue";

/** A clock that moves only when told, and storage in a map. */
function harness(replies: (request: Outgoing) => SendResult) {
  let now = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let nextId = 0;
  const store = new Map<string, string>();
  const sent: Outgoing[] = [];
  const states: SaveState[] = [];
  const storage = {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
    removeItem: (key: string) => void store.delete(key),
  };
  const make = () =>
    new SaveQueue(
      "outbox",
      async (request) => {
        sent.push(request);
        return replies(request);
      },
      (state) => states.push(state),
      storage,
      {
        set: (callback, ms) => {
          timers.set(++nextId, { at: now + ms, callback });
          return nextId;
        },
        clear: (handle) => void timers.delete(handle as number),
      },
    );
  const advance = async (ms: number) => {
    now += ms;
    for (const [id, timer] of [...timers]) {
      if (timer.at <= now) {
        timers.delete(id);
        timer.callback();
      }
    }
    // Let the send's promises settle.
    for (let turn = 0; turn < 10; turn += 1) await Promise.resolve();
  };
  return { make, advance, sent, states, store };
}

const answer = (value: number): Outgoing => ({ method: "PUT", url: "/api/interviews/i/answers/q", body: { answer: { kind: "single_choice", option: value } } });
const ok = (): SendResult => ({ kind: "ok", savedAt: "2026-12-04T10:00:00.000Z", otherTab: false });

describe("the interview's outbox", () => {
  it("sends only the last value of an item after the pause", async () => {
    const { make, advance, sent, states } = harness(ok);
    const queue = make();
    queue.put("answer:q", answer(0));
    queue.put("answer:q", answer(1));
    queue.put("answer:q", answer(2));
    await advance(SAVE_AFTER_MS - 1);
    expect(sent).toHaveLength(0);
    await advance(1);
    expect(sent).toEqual([answer(2)]);
    expect(states.at(-1)).toEqual({ kind: "saved", savedAt: "2026-12-04T10:00:00.000Z" });
  });

  it("keeps everything while offline, retries, and sends it once the network is back", async () => {
    let online = false;
    const { make, advance, sent, states, store } = harness(() => (online ? ok() : { kind: "offline" }));
    const queue = make();
    queue.put("answer:q", answer(1));
    queue.put("code:0", { method: "PUT", url: "/api/interviews/i/tasks/0", body: { code: "x = 1" } });
    await advance(SAVE_AFTER_MS);
    expect(states.at(-1)).toEqual({ kind: "offline", queued: 2 });
    expect(queue.queued).toBe(2);
    expect(JSON.parse(store.get("outbox")!)).toHaveProperty("code:0");
    online = true;
    await advance(RETRY_AFTER_MS);
    expect(queue.queued).toBe(0);
    expect(store.has("outbox")).toBe(false);
    expect(sent.slice(-2).map((request) => request.url)).toEqual(["/api/interviews/i/answers/q", "/api/interviews/i/tasks/0"]);
  });

  it("restores what a page left unsent and sends it at once", async () => {
    const first = harness(() => ({ kind: "offline" }));
    const queue = first.make();
    queue.put("answer:q", answer(3));
    await first.advance(SAVE_AFTER_MS);
    // A reload: a new queue over the same storage.
    const second = harness(ok);
    for (const [key, value] of first.store) second.store.set(key, value);
    const reloaded = second.make();
    const restored = reloaded.restore();
    expect([...restored.values()]).toEqual([answer(3)]);
    await second.advance(0);
    expect(second.sent).toEqual([answer(3)]);
  });

  it("stops once the server says the interview is over", async () => {
    const { make, advance, sent, states } = harness(() => ({ kind: "over" }));
    const queue = make();
    queue.put("answer:q", answer(1));
    await advance(SAVE_AFTER_MS);
    expect(states.at(-1)).toEqual({ kind: "over" });
    queue.put("answer:q", answer(2));
    await advance(SAVE_AFTER_MS * 10);
    expect(sent).toHaveLength(1);
  });

  it("drops a refused value, says why, and goes on with the others", async () => {
    const { make, advance, sent, states } = harness((request) =>
      request.url.endsWith("/q") ? { kind: "refused", message: "bad" } : ok(),
    );
    const queue = make();
    queue.put("answer:q", answer(1));
    queue.put("code:0", { method: "PUT", url: "/api/interviews/i/tasks/0", body: { code: "y" } });
    await advance(SAVE_AFTER_MS);
    expect(sent).toHaveLength(2);
    expect(states).toContainEqual({ kind: "failed", message: "bad" });
    expect(queue.queued).toBe(0);
  });

  it("resolves a flush once everything is sent", async () => {
    const { make, advance } = harness(ok);
    const queue = make();
    queue.put("answer:q", answer(1));
    let flushed = false;
    void queue.flush().then(() => (flushed = true));
    await advance(0);
    expect(flushed).toBe(true);
  });
});
