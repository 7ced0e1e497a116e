/**
 * The web process's one LISTEN connection: the worker's pg_notify on
 * `submission_updates` and `program_run_updates` (payload: the row's id)
 * fans out to every open event stream watching that id. One connection
 * however many students watch; it reconnects after a database restart,
 * and a watcher that missed notifications while it was down re-reads the
 * row on reconnect (`onReconnect`), so nothing is lost.
 */
import { EventEmitter } from "node:events";
import pg from "pg";
import { getDatabaseUrl } from "../env";

export const CHANNELS = ["submission_updates", "program_run_updates"] as const;
export type Channel = (typeof CHANNELS)[number];

const RECONNECT_MS = 1000;

class NotificationHub {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private watchers = 0;

  constructor() {
    // Every open stream adds a listener; thousands are expected.
    this.emitter.setMaxListeners(0);
  }

  /** Calls `onChange` when the row changes, `onReconnect` after a lost connection; returns the unsubscribe. */
  watch(channel: Channel, id: string, onChange: () => void, onReconnect: () => void): () => void {
    const key = `${channel}:${id}`;
    this.emitter.on(key, onChange);
    this.emitter.on("reconnect", onReconnect);
    this.watchers += 1;
    void this.ensureConnected();
    return () => {
      this.emitter.off(key, onChange);
      this.emitter.off("reconnect", onReconnect);
      this.watchers -= 1;
    };
  }

  /** Resolves once LISTEN is in place (or failed: the stream then re-reads on reconnect). */
  ready(): Promise<void> {
    return this.ensureConnected().catch(() => undefined);
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  /** While anyone watches, try again in a moment; once back, watchers re-read what they may have missed. */
  private reconnectLater(): void {
    setTimeout(() => {
      if (this.watchers > 0) void this.ensureConnected().then(() => this.emitter.emit("reconnect"), () => undefined);
    }, RECONNECT_MS).unref();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: getDatabaseUrl() });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      if (error) console.error(`[realtime] notification connection lost (reconnecting): ${error.message}`);
      client.end().catch(() => undefined);
      this.reconnectLater();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    client.on("notification", (message) => {
      if (message.payload) this.emitter.emit(`${message.channel}:${message.payload}`);
    });
    try {
      await client.connect();
      for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
      this.client = client;
    } catch (error) {
      client.end().catch(() => undefined);
      this.reconnectLater();
      throw error;
    }
  }
}

const globalForHub = globalThis as unknown as { awaitableNotifications?: NotificationHub };

export function notifications(): NotificationHub {
  globalForHub.awaitableNotifications ??= new NotificationHub();
  return globalForHub.awaitableNotifications;
}
