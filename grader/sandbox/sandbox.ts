/**
 * Runs Debian's Python in a sandbox, one run per slot: a grading (the judge
 * and the student's processes, grader/CONTRACT.md "Processes") or a plain
 * program (the sandbox's own checks and tests).
 *
 * Every run is forked from this process's zygote (zygote/__main__.py), a
 * Python that has already imported asyncio, the judge and the student-side
 * runtime. In the forked child, before any of the program runs:
 *   - it joins the slot's cgroups (memory, pids), so every process the run
 *     ever starts is counted and can be killed;
 *   - new mount, pid, network, IPC, UTS and cgroup namespaces;
 *   - a root of its own: read-only /usr, a size-capped private /tmp, a
 *     minimal /dev, a fresh /proc, no /etc and no host path but the
 *     read-only folders the run needs;
 *   - resource limits (CPU seconds, file size, open files, processes, no core
 *     dumps);
 *   - the slot's own unprivileged uid and gid, no groups, no capabilities
 *     (bounding set emptied), no-new-privs, a new session;
 *   - the seccomp filter;
 * then it runs as `/usr/bin/python3 -I -S -B …` would, as pid 1 of its pid
 * namespace. The zygote is started with a fixed, secret-free environment and
 * never reads a request itself, so its memory (which every run inherits)
 * holds nothing of the grader's or of other runs.
 *
 * A run ends when Python exits, or is killed as a whole (its pid namespace
 * and everything left in its cgroups, setsid daemons included) when it
 * passes the wall-time or output limit or its pids limit.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createSlotCgroup, type CgroupUsage, type SlotCgroup } from "./cgroups";
import type { StoppedBy, TSandboxLimits } from "./limits";
import {
  templateOf,
  Zygote,
  zygoteSocketPath,
  type ArmedRunner,
  type GradingRuntime,
  type GradingTemplate,
  type RunEnd,
  type ZygoteRequest,
} from "./zygote";
import { runOutput, type KeptOutput } from "../output";

export const PYTHON = "/usr/bin/python3";
const PYTHON_DIRECTORY = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "python");

/**
 * Slot n runs student code as uid/gid SANDBOX_UID_BASE + n and its judge as
 * SANDBOX_UID_BASE + MAX_SLOTS + n: two uids per concurrent run, owned by
 * nobody else.
 */
const uidBase = () => Number(process.env.SANDBOX_UID_BASE ?? "61000");

export type SandboxRequest = {
  /** A grading (the job on stdin, the result on fd 3), or (the default) a plain program. */
  kind?: "grade" | "program";
  /** program: arguments after `/usr/bin/python3 -I -S`. */
  pythonArgs: string[];
  /** Written to standard input, then closed. */
  stdin: string | Buffer;
  /** Host directories visible read-only inside, at the given path. */
  readOnlyBinds: { host: string; sandbox: string }[];
  /** The whole environment inside the sandbox (nothing is inherited). */
  env: Record<string, string>;
  limits: TSandboxLimits;
  /** A grading's clock and CPU accounting (the slot's next grading is armed with them). */
  runtime?: GradingRuntime;
};

export type SandboxOutcome = {
  exitCode: number | null;
  /** The signal that ended Python (128 + SIGXFSZ from the harness counts as SIGXFSZ); SIGKILL when the run was stopped. */
  signal: NodeJS.Signals | null;
  /** The head and tail of what Python printed, and how much in all. */
  stdout: KeptOutput;
  stderr: KeptOutput;
  /** Everything Python wrote to fd 3, the result channel (at most 16 MiB). */
  channel: Buffer;
  limitExceeded: StoppedBy | null;
  peakMemoryBytes: number | null;
  /** CPU periods the run spent throttled at its slot's CPU quota (0 without one). */
  cpuThrottledPeriods: number;
  /** Processes still in the run's cgroups after Python ended, and killed then. */
  strayProcessesKilled: number;
  wallMs: number;
  slot: number;
};

const signalNames = Object.fromEntries(Object.entries(os.constants.signals).map(([name, number]) => [number, name])) as Record<
  number,
  NodeJS.Signals
>;

type Slot = {
  index: number;
  uid: number;
  judgeUid: number;
  cgroup: SlotCgroup;
  /** The slot's next runner, armed when its previous run was cleaned up. */
  armed: Promise<ArmedRunner | null> | null;
  /** What the slot's last grading shares with the next ones: its next runner is armed with it. */
  template: GradingTemplate | null;
};

/** The processes of the slot's next run that wait in its cgroups during a run: an armed runner, its grading's pid 1 and student's host. */
const ARMED_PROCESSES = 3;

/** Root-only: each grader process's zygote has its socket and run roots here. */
const SANDBOX_DIRECTORY = existsSync("/run") ? "/run/awaitable-sandbox" : path.join(os.tmpdir(), "awaitable-sandbox");
const MAX_SLOTS = 1000;
/** Held for the life of the process: the slots it owns. */
const slotLocks: net.Server[] = [];

/**
 * A slot number no other process on this machine uses: several workers (and
 * parallel test files) share the machine, and two runs in one uid or cgroup
 * would kill each other's processes. Owning slot n is listening on the
 * abstract Unix socket `awaitable-sandbox-slot-n`: the kernel gives a name to
 * one process at a time and frees it the moment that process dies, however
 * it dies (files naming an owner's pid raced when two processes took over a
 * dead owner's claim at once, and pids are reused).
 */
async function claimSlotNumber(): Promise<number> {
  for (let index = 0; index < MAX_SLOTS; index += 1) {
    if (await holdSlotLock(index)) return index;
  }
  throw new Error(`all ${MAX_SLOTS} sandbox slots of this machine are taken`);
}

function holdSlotLock(index: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => (error.code === "EADDRINUSE" ? resolve(false) : reject(error)));
    server.listen(`\0awaitable-sandbox-slot-${index}`, () => {
      server.unref(); // owning a slot is no reason to keep the process alive
      slotLocks.push(server);
      resolve(true);
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

let zygote: Zygote | undefined;

/** This process's zygote; the folders of dead processes' zygotes are removed on the way. */
function processZygote(): Zygote {
  if (!zygote) {
    for (const entry of existsSync(SANDBOX_DIRECTORY) ? readdirSync(SANDBOX_DIRECTORY) : []) {
      const owner = /^zygote-(\d+)$/.exec(entry);
      if (owner && !processAlive(Number(owner[1]))) rmSync(path.join(SANDBOX_DIRECTORY, entry), { recursive: true, force: true });
    }
    zygote = new Zygote(PYTHON, PYTHON_DIRECTORY, zygoteSocketPath(SANDBOX_DIRECTORY));
  }
  return zygote;
}

/** The pid of this process's zygote, while it runs (for tests and health checks). */
export function sandboxZygotePid(): number | undefined {
  return zygote?.pid;
}

process.on("exit", () => {
  if (zygote) {
    zygote.stop();
    rmSync(path.dirname(zygoteSocketPath(SANDBOX_DIRECTORY)), { recursive: true, force: true });
  }
});

/** A fixed number of slots, each with its own uid and cgroups, reused run after run. */
export class SandboxPool {
  private readonly free: Slot[] = [];
  private readonly waiting: ((slot: Slot) => void)[] = [];
  private created = 0;

  /**
   * `cpuPercent`: the share of one CPU each run may use (the cgroup's CPU
   * quota; SANDBOX_CPU_PERCENT by default, else no cap). Verdicts do not
   * depend on it: the tests prove it at 25 %.
   */
  constructor(
    readonly size: number,
    private readonly options: { cpuPercent?: number | null } = {},
  ) {}

  private get cpuPercent(): number | null {
    if (this.options.cpuPercent !== undefined) return this.options.cpuPercent;
    const fromEnvironment = Number(process.env.SANDBOX_CPU_PERCENT ?? "");
    return Number.isFinite(fromEnvironment) && fromEnvironment > 0 ? fromEnvironment : null;
  }

  private async acquire(): Promise<Slot> {
    const slot = this.free.pop();
    if (slot) return slot;
    if (this.created < this.size) {
      this.created += 1;
      try {
        const index = await claimSlotNumber();
        return {
          index,
          uid: uidBase() + index,
          judgeUid: uidBase() + MAX_SLOTS + index,
          cgroup: await createSlotCgroup(`slot-${index}`),
          armed: null,
          template: null,
        };
      } catch (error) {
        this.created -= 1;
        throw error;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot) {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.free.push(slot);
  }

  private readonly cleanups = new Set<Promise<void>>();

  /** Resolves when every run so far is cleaned up: its processes gone, its slot free. */
  async settled(): Promise<void> {
    while (this.cleanups.size > 0) await Promise.all([...this.cleanups]);
  }

  /**
   * The free slots, each with the pids its armed next run holds (a runner,
   * and after a grading that run's pid 1 and student's host) and the pids in
   * its cgroups (for tests: they are the same).
   */
  async idleSlots(): Promise<{ slot: number; armed: number[]; present: number[] }[]> {
    return Promise.all(this.free.map(async (slot) => ({ slot: slot.index, armed: await armedPids(slot), present: slot.cgroup.pids() })));
  }

  /** Slots in use right now (for tests and the health of the worker). */
  get busy(): number {
    return this.created - this.free.length;
  }

  async run(request: SandboxRequest): Promise<SandboxOutcome> {
    const slot = await this.acquire();
    let cleanup: Promise<void> | null = null;
    try {
      const zygoteRequest = zygoteRequestFor(slot, request);
      const armed = await takeArmed(slot, zygoteRequest);
      // Whatever a previous run left behind goes before this one starts (an
      // armed runner, alone in the slot, is ours and stays).
      if (!armed) await slot.cgroup.killAll();
      await slot.cgroup.prepare({
        memoryBytes: request.limits.memoryMb * 1024 * 1024,
        // The next run's, armed while this one runs.
        processes: request.limits.processes + ARMED_PROCESSES,
        cpuPercent: this.cpuPercent,
      });
      // Joining a cgroup waits for an RCU grace period (~10 ms on cgroup v1):
      // the next run's runner does it now, while this run goes on.
      slot.template = templateOf(zygoteRequest) ?? slot.template;
      slot.armed = processZygote()
        .arm(slot.cgroup.procsFiles, slot.template, slot.cgroup.ownCpu)
        .catch(() => null);
      const { outcome, settled } = await runInSlot(slot, request, zygoteRequest, armed);
      cleanup = settled.catch(() => discardArmed(slot).then(() => slot.cgroup.killAll()).then(() => undefined, () => undefined));
      return outcome;
    } catch (error) {
      // runInSlot empties the slot when it ends normally; on a failure, here.
      await discardArmed(slot);
      await slot.cgroup.killAll().catch(() => undefined);
      throw error;
    } finally {
      // A slot is reused only once every process of its run is gone.
      if (cleanup) {
        const done: Promise<void> = cleanup.finally(() => {
          this.release(slot);
          this.cleanups.delete(done);
        });
        this.cleanups.add(done);
      } else this.release(slot);
    }
  }
}

/**
 * The promise's value, or null if it takes longer than `ms`. The timer keeps
 * the process alive meanwhile: what it waits for (an armed runner's answer)
 * arrives on a socket that does not.
 */
function orNullAfter<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The pids of the slot's next runner (and its armed grading), once it has joined the slot's cgroups (so that clean-up spares them). */
async function armedPids(slot: Slot): Promise<number[]> {
  const armed = slot.armed ? await slot.armed : null;
  if (!armed) return [];
  return (await orNullAfter(armed.pids, 2000)) ?? [];
}

async function discardArmed(slot: Slot): Promise<void> {
  const pending = slot.armed;
  slot.armed = null;
  (await pending?.catch(() => null))?.discard();
}

/** The slot's armed runner, if it is there, alone in the slot's cgroups (with its armed grading), of the running zygote, and fit for the request. */
async function takeArmed(slot: Slot, request: ZygoteRequest): Promise<ArmedRunner | null> {
  const pending = slot.armed;
  slot.armed = null;
  const armed = pending ? await pending : null;
  if (!armed) return null;
  const pids = await orNullAfter(armed.pids, 2000);
  const present = slot.cgroup.pids();
  const alone = pids !== null && present.length === pids.length && present.every((pid) => pids.includes(pid));
  if (alone && armed.usable(processZygote().pid, request)) return armed;
  armed.discard();
  return null;
}

function zygoteRequestFor(slot: Slot, request: SandboxRequest): ZygoteRequest {
  return {
    kind: request.kind ?? "program",
    args: request.pythonArgs,
    env: request.env,
    binds: request.readOnlyBinds,
    stdin: Buffer.from(request.stdin),
    uid: slot.uid,
    judgeUid: slot.judgeUid,
    cgroupProcs: slot.cgroup.procsFiles,
    limits: request.limits,
    ...(request.runtime ? { runtime: request.runtime } : {}),
  };
}

/** How long a stopped run may take to end before everything in its cgroups is killed. */
const FORCE_STOP_MS = 2000;

/**
 * Runs the request in the slot. Resolves with the outcome when the run ends
 * or, for a grading, as soon as the judge has written its result and closed
 * its outputs (its processes' exit is not worth waiting for): then `settled`
 * resolves once the run is stopped and the slot is empty.
 */
async function runInSlot(
  slot: Slot,
  request: SandboxRequest,
  zygoteRequest: ZygoteRequest,
  armed: ArmedRunner | null,
): Promise<{ outcome: SandboxOutcome; settled: Promise<void> }> {
  const { limits } = request;
  const started = performance.now();
  let limitExceeded: StoppedBy | null = null;
  // Set once the zygote has the run; a limit may be reached before that.
  const inFlight: { run?: Awaited<ReturnType<Zygote["run"]>> } = {};
  let forceTimer: NodeJS.Timeout | undefined;
  const stop = (limit: StoppedBy) => {
    limitExceeded ??= limit;
    // Closing the connection makes the runner SIGKILL pid 1, and the kernel
    // everything else in its pid namespace; the cgroups are the backstop.
    inFlight.run?.stop();
    forceTimer ??= setTimeout(() => void slot.cgroup.killAll().catch(() => undefined), FORCE_STOP_MS);
  };
  const output = runOutput(limits.outputKb * 1024, () => stop("output"));
  let outputsClosed: () => void = () => undefined;
  const completed = new Promise<"complete">((resolve) => (outputsClosed = () => resolve("complete")));
  // A grading's judge closes its outputs once its result is written.
  const frames = { ...output, done: request.kind === "grade" ? outputsClosed : undefined };
  const run = await processZygote().run(zygoteRequest, frames, armed);
  inFlight.run = run;
  if (limitExceeded) run.stop(); // a limit was reached before the run was set

  const wallTimer = setTimeout(() => stop("wall"), limits.wallSeconds * 1000);
  // A fork bomb makes fork() fail inside long before it ends on its own, and
  // the OOM killer may kill one child while the rest go on: either stops the
  // whole run as soon as it is seen.
  const limitWatch = setInterval(() => {
    void slot.cgroup.usage().then(
      (usage) => {
        if (usage.oomKilled) stop("memory");
        else if (usage.pidsLimitHit) stop("processes");
      },
      () => undefined,
    );
  }, 50);

  const first = await Promise.race([run.ended, completed]);
  const wallMs = performance.now() - started;
  const finish = async (end: RunEnd) => {
    clearTimeout(wallTimer);
    clearTimeout(forceTimer);
    clearInterval(limitWatch);
    const strayProcessesKilled = await slot.cgroup.killAll(await armedPids(slot));
    // The cgroup is empty; a process killed there may still be a zombie its
    // (dead) parent never reaped. The slot is reused only once none is left.
    if (strayProcessesKilled > 0 || limitExceeded) await waitForUidsGone([slot.uid, slot.judgeUid]);
    return { end, strayProcessesKilled };
  };
  if (first === "complete") {
    // The judge's result is whole and relayed: what the cgroups counted so
    // far is the run's (the tests are over), and the rest is clean-up.
    const usage = await slot.cgroup.usage();
    run.stop();
    const settled = run.ended.then(finish).then(() => undefined);
    return { outcome: outcomeOf({ kind: "exited", exitCode: 0, signal: null }, usage, 0), settled };
  }
  const { end, strayProcessesKilled } = await finish(first);
  const usage = await slot.cgroup.usage();
  if (end.kind === "setupFailed") throw new Error(`the sandbox could not be set up: ${end.reason}`);
  if (end.kind === "runnerFailed") throw new Error(`the sandbox's runner failed: ${end.reason}`);
  return { outcome: outcomeOf(end, usage, strayProcessesKilled), settled: Promise.resolve() };

  function outcomeOf(end: RunEnd, usage: CgroupUsage, strayProcessesKilled: number): SandboxOutcome {
    // Python ignores SIGXFSZ (a write past the limit only raises), so the
    // harness exits with 128 + SIGXFSZ on it, as a shell would report the signal.
    const signalNumber =
      end.kind !== "exited" ? null : end.signal ?? (end.exitCode === 128 + os.constants.signals.SIGXFSZ ? os.constants.signals.SIGXFSZ : null);
    const pythonSignal = signalNumber !== null ? (signalNames[signalNumber] ?? null) : null;
    if (!limitExceeded) {
      if (usage.oomKilled) limitExceeded = "memory";
      else if (usage.pidsLimitHit) limitExceeded = "processes";
      // As pid 1, Python ignores a SIGXCPU it has no handler for: the hard limit
      // (one second later) SIGKILLs it. Nothing inside can SIGKILL pid 1, so a
      // SIGKILL we did not send and the OOM killer did not send is the CPU limit.
      else if (pythonSignal === "SIGXCPU" || pythonSignal === "SIGKILL") limitExceeded = "cpu";
      else if (pythonSignal === "SIGXFSZ") limitExceeded = "fileSize";
      else if (end.kind === "closed") throw new Error("the sandbox's runner ended without reporting how the run ended");
    }
    const kept = output.kept();
    return {
      exitCode: end.kind === "exited" && pythonSignal === null ? end.exitCode : null,
      signal: pythonSignal ?? (end.kind === "closed" ? "SIGKILL" : null),
      stdout: kept.stdout,
      stderr: kept.stderr,
      channel: kept.channel,
      limitExceeded,
      peakMemoryBytes: usage.peakMemoryBytes,
      cpuThrottledPeriods: usage.throttledPeriods,
      strayProcessesKilled,
      wallMs,
      slot: slot.index,
    };
  }
}

/** The real uid of a process (a run's /proc folder belongs to root: its processes are not dumpable). */
function uidOf(pid: string): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((entry) => entry.startsWith("Uid:"));
    return line ? Number(line.split(/\s+/)[1]) : -1;
  } catch {
    return -1;
  }
}

async function waitForUidsGone(uids: number[], timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const left = readdirSync("/proc").some((entry) => /^\d+$/.test(entry) && uids.includes(uidOf(entry)));
    if (!left) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`processes of uids ${uids.join(", ")} are still there ${timeoutMs} ms after their run`);
}

export type SandboxCheck = { ok: true; cgroups: string } | { ok: false; problems: string[] };

/**
 * The start-up self-check: is everything the sandbox needs here, and does a
 * trivial program run in it? Names what is missing.
 */
export async function checkSandbox(pool: SandboxPool): Promise<SandboxCheck> {
  const problems: string[] = [];
  if (process.platform !== "linux") problems.push("the sandbox needs Linux");
  if (process.getuid?.() !== 0) {
    problems.push("the grader must run as root, to give each run its own unprivileged uid and cgroup");
  }
  if (!existsSync(PYTHON)) problems.push(`${PYTHON} is missing (apt-get install python3)`);
  if (problems.length > 0) return { ok: false, problems };
  try {
    await processZygote().start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /No module named 'seccomp'/.test(message) ? " (apt-get install python3-seccomp)" : "";
    return { ok: false, problems: [`${message}${hint}`] };
  }
  try {
    const outcome = await pool.run({
      kind: "program",
      pythonArgs: ["-c", "import sys; print('sandbox ok', sys.version_info[:2] >= (3, 11))"],
      stdin: "",
      readOnlyBinds: [],
      env: { PATH: "/usr/bin" },
      limits: { cpuSeconds: 5, wallSeconds: 10, memoryMb: 128, processes: 16, fileSizeMb: 1, openFiles: 64, outputKb: 16, tmpMb: 1 },
    });
    const stdout = outcome.stdout.head.toString().trim();
    if (outcome.exitCode !== 0 || stdout !== "sandbox ok True") {
      const stderr = outcome.stderr.head.toString().trim();
      problems.push(`a trial run in the sandbox failed: exit ${outcome.exitCode ?? outcome.signal}: ${stderr || stdout}`);
    }
  } catch (error) {
    problems.push(`a trial run in the sandbox failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { detectCgroups } = await import("./cgroups");
  const cgroups = await detectCgroups();
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cgroups: cgroups.mode ?? "none" };
}
