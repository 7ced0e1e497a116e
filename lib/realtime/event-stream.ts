/**
 * A Server-Sent Events stream of one submission's or run's state: the
 * current state at once, then each change the worker announces, until it is
 * DONE (then the stream ends) or the browser goes away. A comment line every
 * 15 s keeps proxies from closing an idle stream. Reading the state is the
 * caller's (it also decides who may read it), so the stream never sends
 * more than the JSON API would.
 */
import { notifications, type Channel } from "./notifications";

const KEEPALIVE_MS = 15_000;
/** While it waits in the queue, its place changes with other students' verdicts: re-read now and then. */
const QUEUED_REFRESH_MS = 2_000;

export function eventStream<State extends { status: string }>(
  channel: Channel,
  id: string,
  read: () => Promise<State>,
  signal: AbortSignal,
): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let reading: Promise<void> = Promise.resolve();
      let lastSent = "";
      let lastStatus = "";
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      // One read at a time, in order: a burst of notifications sends each state once.
      const refresh = () => {
        reading = reading.then(async () => {
          if (closed) return;
          try {
            const state = await read();
            lastStatus = state.status;
            const data = JSON.stringify(state);
            if (data !== lastSent) {
              lastSent = data;
              send(`event: state\ndata: ${data}\n\n`);
            }
            if (state.status === "DONE") close();
          } catch {
            // The row vanished or the database is away: the browser falls back to polling.
            send(`event: unavailable\ndata: {}\n\n`);
            close();
          }
        });
      };
      const unwatch = notifications().watch(channel, id, refresh, refresh);
      const keepalive = setInterval(() => send(`: keepalive\n\n`), KEEPALIVE_MS);
      const queued = setInterval(() => {
        if (lastStatus === "QUEUED") refresh();
      }, QUEUED_REFRESH_MS);
      cleanup = () => {
        unwatch();
        clearInterval(keepalive);
        clearInterval(queued);
      };
      signal.addEventListener("abort", close);
      // Listen first, then read: a change between the two is not missed.
      await notifications().ready();
      send(`retry: 2000\n\n`);
      refresh();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
