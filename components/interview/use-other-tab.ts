"use client";

import { useEffect, useState } from "react";

/**
 * Another tab of this browser showing the same interview: each tab says
 * "hello" on a BroadcastChannel as it opens and answers every hello; a
 * tab that hears one knows it is not alone. (Another device is found by
 * the server, through the heartbeat.) A tab that closes says "bye".
 */
export function useOtherTab(interviewId: string): boolean {
  const [others, setOthers] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const self = crypto.randomUUID();
    const channel = new BroadcastChannel(`awaitable-interview:${interviewId}`);
    const change = (id: string, present: boolean) =>
      setOthers((previous) => {
        if (previous.has(id) === present) return previous;
        const next = new Set(previous);
        if (present) next.add(id);
        else next.delete(id);
        return next;
      });
    channel.onmessage = (event: MessageEvent<{ type: "hello" | "here" | "bye"; from: string }>) => {
      const { type, from } = event.data ?? {};
      if (!from || from === self) return;
      if (type === "bye") return change(from, false);
      change(from, true);
      if (type === "hello") channel.postMessage({ type: "here", from: self });
    };
    channel.postMessage({ type: "hello", from: self });
    const leave = () => channel.postMessage({ type: "bye", from: self });
    window.addEventListener("pagehide", leave);
    return () => {
      leave();
      window.removeEventListener("pagehide", leave);
      channel.close();
    };
  }, [interviewId]);
  return others.size > 0;
}
