"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { nextPollDelay } from "@/lib/submissions/poll-delay";

type Live = { status: string; queuePosition?: number | null };

/** What the JSON endpoints answer: `{ submission }` or `{ run }`. */
export const pickSubmission = <State>(body: unknown) => (body as { submission: State }).submission;
export const pickRun = <State>(body: unknown) => (body as { run: State }).run;

/**
 * Watches a submission or run until it is DONE: Server-Sent Events first
 * (the verdict shows as soon as the worker writes it), polling the JSON
 * endpoint when the stream cannot be opened or breaks. A broken connection
 * is reported (`trouble`) and retried with backoff; nothing is given up.
 */
export function useLiveState<State extends Live>(kind: "submissions" | "runs", pick: (body: unknown) => State) {
  const [state, setState] = useState<State | null>(null);
  const [trouble, setTrouble] = useState(false);
  const stop = useRef<() => void>(() => {});

  /** `onState` hears every state as it arrives (the caller's own bookkeeping, e.g. the history). */
  const watch = useCallback(
    (id: string, onState?: (state: State) => void) => {
      stop.current();
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | null = null;
      let source: EventSource | null = null;
      let last: State | null = null;
      let failures = 0;

      const accept = (next: State) => {
        last = next;
        failures = 0;
        setTrouble(false);
        setState(next);
        onState?.(next);
      };
      const poll = async () => {
        if (stopped) return;
        try {
          const response = await fetch(`/api/${kind}/${id}`, { cache: "no-store" });
          if (!response.ok) throw new Error(String(response.status));
          accept(pick(await response.json()));
        } catch {
          failures += 1;
          setTrouble(true);
        }
        if (!stopped && last?.status !== "DONE") {
          timer = setTimeout(() => void poll(), nextPollDelay(last ? { status: last.status, queuePosition: last.queuePosition ?? null } : null, failures));
        }
      };
      const fallBack = () => {
        source?.close();
        source = null;
        if (!stopped && last?.status !== "DONE") void poll();
      };

      if (typeof EventSource === "undefined") {
        void poll();
      } else {
        source = new EventSource(`/api/${kind}/${id}/events`);
        source.addEventListener("state", (event) => {
          try {
            accept(JSON.parse((event as MessageEvent<string>).data) as State);
          } catch {
            return;
          }
          if (last?.status === "DONE") {
            source?.close();
            source = null;
          }
        });
        source.addEventListener("unavailable", fallBack);
        // EventSource reconnects by itself on a dropped stream; an error
        // before any state (or a refused stream) means polling instead.
        source.onerror = () => {
          if (last?.status === "DONE") return;
          if (!last || source?.readyState === EventSource.CLOSED) fallBack();
          else setTrouble(true);
        };
      }
      stop.current = () => {
        stopped = true;
        source?.close();
        if (timer) clearTimeout(timer);
      };
    },
    [kind, pick],
  );

  useEffect(() => () => stop.current(), []);
  const reset = useCallback(() => {
    stop.current();
    setState(null);
    setTrouble(false);
  }, []);
  return { state, trouble, watch, reset };
}
