/**
 * The client of the sandbox's zygote (zygote/__main__.py): one long-lived
 * Python per grader process that has imported asyncio, the judge and the
 * student-side runtime, and forks each run into a sandbox of its own. Starting it costs what one run used to
 * (~150 ms); each run then costs a fork instead of a Python start.
 *
 * Started lazily, restarted when it dies, stopped with its owner: when its
 * standard input closes (however the grader ended), it waits for the runs in
 * flight to be stopped and exits.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RunOutput } from "../output";

const sandboxDirectory = path.dirname(fileURLToPath(import.meta.url));
const ZYGOTE_SCRIPT = path.join(sandboxDirectory, "zygote", "__main__.py");

/**
 * The zygote's whole environment: fixed and secret-free (every run inherits
 * the zygote's memory). The locale is what runs get, so that Python sets up
 * its streams the same way as for a freshly started run.
 */
const ZYGOTE_ENVIRONMENT = { LANG: "C.UTF-8", LC_ALL: "C.UTF-8", PYTHONHASHSEED: "0" } as unknown as NodeJS.ProcessEnv;

/**
 * `python3 -I` without its `-E`: the environment above is ours, and its
 * PYTHONHASHSEED makes string hashes (and so the order of a set of strings a
 * program prints) the same in every run, whichever zygote forked it.
 */
export const ISOLATED_FLAGS = ["-s", "-P", "-S", "-B"];

/** What a run's connection delivers, frame by frame (runOutput() takes it). */
export type RunFrames = Pick<RunOutput, "stdout" | "stderr" | "channel"> & {
  /** Every output of the run is closed and relayed (the run itself may still be ending). */
  done?: () => void;
};

export type RunEnd =
  | { kind: "exited"; exitCode: number | null; signal: number | null }
  /** The sandbox could not be set up: nothing of the program ran. */
  | { kind: "setupFailed"; reason: string }
  /** The runner failed while the program ran (our fault, not the program's). */
  | { kind: "runnerFailed"; reason: string }
  /** The connection closed without an exit status: stopped by us, or the runner died. */
  | { kind: "closed" };

export type ZygoteRequest = {
  kind: "grade" | "program";
  args: string[];
  env: Record<string, string>;
  binds: { host: string; sandbox: string }[];
  stdin: Buffer;
  uid: number;
  judgeUid: number;
  cgroupProcs: string[];
  limits: { cpuSeconds: number; fileSizeMb: number; openFiles: number; processes: number; tmpMb: number };
  /** A grading's clock and CPU accounting, on which the runtime's installation depends. */
  runtime?: GradingRuntime;
};

export type GradingRuntime = { clock: "virtual" | "wall"; cpu: "free" | "charged" };

/**
 * What every grading of a slot shares: a runner armed with it sets up the
 * grading's pid 1 and the student's host before the request comes.
 */
export type GradingTemplate = Pick<ZygoteRequest, "uid" | "judgeUid" | "env" | "binds"> & {
  kind: "grade";
  limits: Pick<ZygoteRequest["limits"], "tmpMb">;
  runtime: GradingRuntime;
};

/** What a grading request shares with the slot's next gradings (null for a program, or a grading without its runtime). */
export function templateOf(request: ZygoteRequest): GradingTemplate | null {
  if (request.kind !== "grade" || !request.runtime) return null;
  return {
    kind: "grade",
    uid: request.uid,
    judgeUid: request.judgeUid,
    env: request.env,
    binds: request.binds,
    limits: { tmpMb: request.limits.tmpMb },
    runtime: { clock: request.runtime.clock, cpu: request.runtime.cpu },
  };
}

/** Whether the request is one that a runner armed with the template can run. */
export function fitsTemplate(request: ZygoteRequest, template: GradingTemplate): boolean {
  const own = templateOf(request);
  return (
    own !== null &&
    own.uid === template.uid &&
    own.judgeUid === template.judgeUid &&
    own.limits.tmpMb === template.limits.tmpMb &&
    own.runtime.clock === template.runtime.clock &&
    own.runtime.cpu === template.runtime.cpu &&
    JSON.stringify(own.binds) === JSON.stringify(template.binds) &&
    JSON.stringify(Object.entries(own.env)) === JSON.stringify(Object.entries(template.env))
  );
}

export type ZygoteRun = {
  /** Ends the run now (its pid 1 is SIGKILLed, and its namespace with it). */
  stop: () => void;
  ended: Promise<RunEnd>;
};

export class ZygoteStartError extends Error {}

export class Zygote {
  private process: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private stderrTail = "";

  constructor(
    private readonly python: string,
    private readonly pythonDirectory: string,
    private readonly socketPath: string,
  ) {}

  /** Starts the zygote if it is not running; resolves when it accepts runs. */
  start(): Promise<void> {
    this.ready ??= this.spawnZygote().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async spawnZygote(): Promise<void> {
    await mkdir(path.dirname(this.socketPath), { recursive: true, mode: 0o700 });
    const child = spawn(this.python, [...ISOLATED_FLAGS, ZYGOTE_SCRIPT, this.socketPath, this.pythonDirectory], {
      env: ZYGOTE_ENVIRONMENT,
      cwd: "/",
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.process = child;
    this.stderrTail = "";
    child.stderr.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      this.stderrTail = (this.stderrTail + text).slice(-4000);
      process.stderr.write(text);
    });
    child.stdin.on("error", () => undefined);
    child.on("exit", () => {
      if (this.process === child) {
        this.process = undefined;
        this.ready = undefined; // the next run starts a new one
      }
    });
    await new Promise<void>((resolve, reject) => {
      let output = "";
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("ready\n")) {
          child.stdout.off("data", onData);
          child.off("exit", onExit);
          resolve();
        }
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
        reject(new ZygoteStartError(`the sandbox's zygote exited at start (${code ?? signal}): ${this.stderrTail.trim()}`));
      child.stdout.on("data", onData);
      child.on("exit", onExit);
      child.on("error", (error) => reject(new ZygoteStartError(`could not start the sandbox's zygote: ${error.message}`)));
    });
    // Once it is ready, the zygote is no reason to keep the grader's event loop alive.
    child.unref();
    for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as net.Socket).unref();
  }

  /** Stops the zygote (runs in flight go on to their end). */
  stop(): void {
    this.process?.kill("SIGKILL");
    this.process = undefined;
    this.ready = undefined;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  /**
   * A runner forked ahead of its run, already in the slot's cgroups (joining
   * a cgroup waits for an RCU grace period, ~10 ms on cgroup v1: done while
   * nothing waits for it). `run` gives it its request.
   */
  async arm(cgroupProcs: string[], grading: GradingTemplate | null = null, idle = false): Promise<ArmedRunner> {
    await this.start();
    const connection = await this.connect().catch(async (error: NodeJS.ErrnoException) => {
      // The zygote died between runs: start another and try once more.
      if (error.code !== "ENOENT" && error.code !== "ECONNREFUSED") throw error;
      this.stop();
      await this.start();
      return this.connect();
    });
    return new ArmedRunner(connection, cgroupProcs, this.pid, grading, idle);
  }

  /** Runs the request, on `armed` if it is still this zygote's and alive, else on a runner armed now. */
  async run(request: ZygoteRequest, frames: RunFrames, armed?: ArmedRunner | null): Promise<ZygoteRun> {
    const runner = armed && armed.usable(this.pid, request) ? armed : await this.arm(request.cgroupProcs);
    if (armed && runner !== armed) armed.discard();
    return runner.start(request, frames);
  }

  private connect(): Promise<net.Socket> {
    return new Promise((resolve, reject) => {
      const connection = net.createConnection(this.socketPath);
      connection.once("connect", () => {
        connection.off("error", reject);
        resolve(connection);
      });
      connection.once("error", reject);
    });
  }
}

/** One runner's connection: armed (in its slot's cgroups), then given its run. */
export class ArmedRunner {
  /**
   * Once the runner has joined the cgroups, the pids that clean-up between
   * runs must spare: the runner's, and an armed grading's pid 1 and
   * student's host (null if it never got that far).
   */
  readonly pids: Promise<number[] | null>;
  private frames: RunFrames | null = null;
  private end: RunEnd = { kind: "closed" };
  private closed = false;
  private started = false;
  private readonly ended: Promise<RunEnd>;

  constructor(
    private readonly connection: net.Socket,
    cgroupProcs: string[],
    private readonly zygotePid: number | undefined,
    private readonly grading: GradingTemplate | null = null,
    idle = false,
  ) {
    let armed: (pids: number[] | null) => void = () => undefined;
    this.pids = new Promise((resolve) => (armed = resolve));
    connection.write(`${JSON.stringify({ cgroupProcs, ...(grading ? { grading } : {}), ...(idle ? { idle } : {}) })}\n`);
    // Waiting for a run is no reason to keep the grader alive.
    connection.unref();
    let pending: Buffer = Buffer.alloc(0);
    connection.on("data", (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length >= 5) {
        const length = pending.readUInt32BE(1);
        if (pending.length < 5 + length) break;
        const kind = String.fromCharCode(pending[0]!);
        const data = pending.subarray(5, 5 + length);
        pending = pending.subarray(5 + length);
        if (kind === "a") armed((JSON.parse(data.toString()) as { pids: number[] }).pids);
        else if (kind === "o") this.frames?.stdout(data);
        else if (kind === "e") this.frames?.stderr(data);
        else if (kind === "c") this.frames?.channel(data);
        else if (kind === "d") this.frames?.done?.();
        else if (kind === "s") this.end = { kind: "setupFailed", reason: data.toString() };
        else if (kind === "f") this.end = { kind: "runnerFailed", reason: data.toString() };
        else if (kind === "x") {
          const status = JSON.parse(data.toString()) as { exitCode: number | null; signal: number | null };
          this.end = { kind: "exited", exitCode: status.exitCode, signal: status.signal };
        }
      }
    });
    this.ended = new Promise<RunEnd>((resolve) => {
      connection.on("error", () => undefined);
      connection.on("close", () => {
        this.closed = true;
        armed(null);
        resolve(this.end);
      });
    });
  }

  /** Not started, not closed, forked by the zygote that runs now, and armed for this request (if for any). */
  usable(zygotePid: number | undefined, request: ZygoteRequest): boolean {
    return (
      !this.started &&
      !this.closed &&
      this.zygotePid === zygotePid &&
      (this.grading === null || fitsTemplate(request, this.grading))
    );
  }

  start(request: ZygoteRequest, frames: RunFrames): ZygoteRun {
    this.started = true;
    this.frames = frames;
    this.connection.ref();
    const { stdin, ...rest } = request;
    this.connection.write(`${JSON.stringify({ ...rest, stdin: stdin.toString("base64") })}\n`);
    return { stop: () => this.connection.destroy(), ended: this.ended };
  }

  /** Never used: the runner exits (it reads the end of its connection). */
  discard(): void {
    this.started = true;
    this.connection.destroy();
  }
}

/** The socket of this process's zygote, in the sandbox's root-only folder. */
export function zygoteSocketPath(sandboxDirectory: string): string {
  return path.join(sandboxDirectory, `zygote-${process.pid}`, "socket");
}
