/**
 * Keeps `npm start`'s processes (the web app, the grader worker) running: a
 * process that exits on its own is restarted after a backoff that doubles
 * (1 s, 2 s, 4 s … up to 30 s) and starts over once it has stayed up a
 * minute. Each exit and restart is logged. A process that keeps dying right
 * after its start (port taken, bad configuration) is given up on after
 * `giveUpAfter` quick exits in a row, and the supervisor reports it.
 */
import { spawn, type ChildProcess } from "node:child_process";

export type ProcessSpec = { name: string; command: string; args: string[]; env: NodeJS.ProcessEnv };

export type Backoff = { initialMs: number; maxMs: number; stableAfterMs: number; giveUpAfter: number };

export const DEFAULT_BACKOFF: Backoff = { initialMs: 1_000, maxMs: 30_000, stableAfterMs: 60_000, giveUpAfter: 10 };

export type SupervisorOptions = {
  log: (line: string) => void;
  /** Each line a process writes, on its stream. */
  output: (name: string, stream: "stdout" | "stderr", line: string) => void;
  /** A process was given up on: everything should stop. */
  onGiveUp: (name: string) => void;
  backoff?: Backoff;
  /** How long a stopping process gets between SIGTERM and SIGKILL. */
  stopGraceMs?: number;
};

type Supervised = {
  spec: ProcessSpec;
  child: ChildProcess | null;
  startedAt: number;
  delayMs: number;
  quickExits: number;
  restarts: number;
  timer: NodeJS.Timeout | null;
};

export class Supervisor {
  private readonly processes = new Map<string, Supervised>();
  private stopping = false;
  private readonly backoff: Backoff;

  constructor(private readonly options: SupervisorOptions) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  start(spec: ProcessSpec): void {
    const entry: Supervised = { spec, child: null, startedAt: 0, delayMs: 0, quickExits: 0, restarts: 0, timer: null };
    this.processes.set(spec.name, entry);
    this.launch(entry);
  }

  /** The pid of a process's current incarnation (none while it waits to restart). */
  pid(name: string): number | undefined {
    return this.processes.get(name)?.child?.pid;
  }

  restarts(name: string): number {
    return this.processes.get(name)?.restarts ?? 0;
  }

  /** SIGTERM to every process group, SIGKILL after the grace period; resolves when all have exited. */
  async stop(): Promise<void> {
    this.stopping = true;
    const grace = this.options.stopGraceMs ?? 15_000;
    await Promise.all(
      [...this.processes.values()].map((entry) => {
        if (entry.timer) clearTimeout(entry.timer);
        const child = entry.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
        return new Promise<void>((resolve) => {
          const timer = setTimeout(() => signalGroup(child, "SIGKILL"), grace);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          signalGroup(child, "SIGTERM");
        });
      }),
    );
  }

  private launch(entry: Supervised): void {
    const { name, command, args, env } = entry.spec;
    // Its own process group, so stopping it stops everything it started.
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    entry.child = child;
    entry.startedAt = Date.now();
    for (const stream of ["stdout", "stderr"] as const) {
      let pending = "";
      child[stream]?.on("data", (chunk: Buffer) => {
        pending += chunk.toString("utf8");
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) this.options.output(name, stream, line);
      });
    }
    child.once("error", (error) => this.options.log(`the ${name} process could not start: ${error.message}`));
    child.once("exit", (code, signal) => this.exited(entry, child, code, signal));
  }

  private exited(entry: Supervised, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    // Whatever it started goes with it (a grader's zygote and runs, say).
    signalGroup(child, "SIGKILL");
    if (this.stopping) return;
    const { name } = entry.spec;
    const how = signal ?? `exit code ${code}`;
    const upMs = Date.now() - entry.startedAt;
    if (upMs >= this.backoff.stableAfterMs) {
      entry.delayMs = this.backoff.initialMs;
      entry.quickExits = 0;
    } else {
      entry.delayMs = entry.delayMs === 0 ? this.backoff.initialMs : Math.min(this.backoff.maxMs, entry.delayMs * 2);
      entry.quickExits += 1;
    }
    if (entry.quickExits >= this.backoff.giveUpAfter) {
      this.options.log(`the ${name} process exited (${how}) ${entry.quickExits} times in a row soon after starting; giving up`);
      entry.child = null;
      this.options.onGiveUp(name);
      return;
    }
    this.options.log(`the ${name} process exited (${how}); restarting it in ${formatDelay(entry.delayMs)} (restart ${entry.restarts + 1})`);
    entry.child = null;
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (this.stopping) return;
      entry.restarts += 1;
      this.launch(entry);
      this.options.log(`restarted the ${name} process (pid ${entry.child?.pid ?? "?"})`);
    }, entry.delayMs);
  }
}

function formatDelay(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s` : `${ms} ms`;
}

export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}
