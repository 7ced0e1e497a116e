/**
 * The running interview's outbox: every answer and every task's code is
 * put here as it is given, kept in the browser's storage until the server
 * took it, and sent after a short pause (the last value of an item wins:
 * typing sends one request, not one per key). A lost connection keeps
 * everything queued and retries; a reload finds what was not sent yet and
 * sends it. The server refusing because the interview is over stops it.
 *
 * Plain code with its clock, storage and transport handed in: unit-tested
 * (save-queue.test.ts).
 */

export type Outgoing = { method: "PUT"; url: string; body: unknown };
/** ok: taken; offline: no answer (network); over: the interview ended; refused: the server said no (the message says why). */
export type SendResult = { kind: "ok"; savedAt: string; otherTab: boolean } | { kind: "offline" } | { kind: "over" } | { kind: "refused"; message: string | null };

export type SaveState =
  | { kind: "saved"; savedAt: string | null }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "offline"; queued: number }
  | { kind: "failed"; message: string | null }
  | { kind: "over" };

export type StorageLike = { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void };
export type Timers = { set(callback: () => void, ms: number): unknown; clear(handle: unknown): void };

export const SAVE_AFTER_MS = 700;
export const RETRY_AFTER_MS = 3000;

type Entry = { request: Outgoing; version: number };

export class SaveQueue {
  private pending = new Map<string, Entry>();
  private version = 0;
  private timer: unknown = null;
  private sending = false;
  private state: SaveState = { kind: "saved", savedAt: null };
  private stopped = false;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly storageKey: string,
    private readonly send: (request: Outgoing) => Promise<SendResult>,
    private readonly onState: (state: SaveState) => void,
    private readonly storage: StorageLike | null,
    private readonly timers: Timers,
    private readonly onOtherTab: (other: boolean) => void = () => undefined,
  ) {}

  /** What an earlier page left unsent (a reload while offline): the page shows it and it is sent again. */
  restore(): Map<string, Outgoing> {
    const restored = new Map<string, Outgoing>();
    try {
      const raw = this.storage?.getItem(this.storageKey);
      const parsed = raw ? (JSON.parse(raw) as Record<string, Outgoing>) : {};
      for (const [key, request] of Object.entries(parsed)) {
        if (request && request.method === "PUT" && typeof request.url === "string") {
          restored.set(key, request);
          this.pending.set(key, { request, version: ++this.version });
        }
      }
    } catch {
      // Unreadable storage: nothing to restore.
    }
    if (this.pending.size > 0) this.schedule(0);
    return restored;
  }

  put(key: string, request: Outgoing): void {
    if (this.stopped) return;
    this.pending.set(key, { request, version: ++this.version });
    this.persist();
    if (!this.sending && this.state.kind !== "offline") this.setState({ kind: "pending" });
    this.schedule(SAVE_AFTER_MS);
  }

  /** Send now (before handing in, on reconnecting); resolves once nothing is queued or sending fails. */
  flush(): Promise<void> {
    this.schedule(0);
    return new Promise((resolve) => {
      if (this.pending.size === 0 && !this.sending) resolve();
      else this.waiters.push(resolve);
    });
  }

  get queued(): number {
    return this.pending.size;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    this.release();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.drain();
    }, ms);
  }

  private async drain(): Promise<void> {
    if (this.sending || this.stopped) return;
    this.sending = true;
    let retry = false;
    try {
      for (const [key, entry] of [...this.pending]) {
        if (this.stopped) return;
        this.setState({ kind: "saving" });
        const result = await this.send(entry.request);
        if (result.kind === "offline") {
          this.setState({ kind: "offline", queued: this.pending.size });
          retry = true;
          break;
        }
        if (result.kind === "over") {
          this.setState({ kind: "over" });
          this.stopped = true;
          break;
        }
        // Taken or refused for good: either way this value is done; a newer one stays queued.
        if (this.pending.get(key)?.version === entry.version) this.pending.delete(key);
        this.persist();
        if (result.kind === "refused") {
          this.setState({ kind: "failed", message: result.message });
          continue;
        }
        this.onOtherTab(result.otherTab);
        if (this.pending.size === 0) this.setState({ kind: "saved", savedAt: result.savedAt });
      }
    } finally {
      this.sending = false;
    }
    if (retry) this.schedule(RETRY_AFTER_MS);
    else if (this.pending.size > 0) this.schedule(SAVE_AFTER_MS);
    if (this.pending.size === 0 || this.stopped || retry) this.release();
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private persist(): void {
    try {
      if (this.pending.size === 0) this.storage?.removeItem(this.storageKey);
      else this.storage?.setItem(this.storageKey, JSON.stringify(Object.fromEntries([...this.pending].map(([key, entry]) => [key, entry.request]))));
    } catch {
      // Storage full or refused: the request is still queued in memory.
    }
  }

  private setState(state: SaveState): void {
    // A failure stays shown until something is saved again.
    if (this.state.kind === "failed" && state.kind === "saving") return;
    this.state = state;
    this.onState(state);
  }
}
