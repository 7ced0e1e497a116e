/**
 * How a grading's processes are started: inside the sandbox (always, on
 * every path: the worker, the CLI, the tests), or, only behind the explicit
 * development setting AWAITABLE_UNSANDBOXED=1, directly on this machine, with
 * a warning on every run (the same judge and student processes, without
 * their isolation: grader/python/grade.py).
 */
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { collectRunOutput, type KeptOutput } from "./output";
import type { StoppedBy, TSandboxLimits } from "./sandbox/limits";
import { checkSandbox, PYTHON, SandboxPool } from "./sandbox/sandbox";
import { ISOLATED_FLAGS } from "./sandbox/zygote";

export const UNSANDBOXED_FLAG = "AWAITABLE_UNSANDBOXED";
export const PYTHON_DIRECTORY = path.join(path.dirname(fileURLToPath(import.meta.url)), "python");

export type SpawnRequest = {
  /** A grading: the judge reads the job from standard input (grader/CONTRACT.md, "Processes"). */
  kind: "grade";
  /** The job, written to standard input, then closed. */
  stdin: string;
  limits: TSandboxLimits;
  /** The job's clock and CPU accounting (what the runtime is installed for). */
  runtime: { clock: "virtual" | "wall"; cpu: "free" | "charged" };
};

export type SpawnOutcome = {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: KeptOutput;
  stderr: KeptOutput;
  /** Everything read from the result channel (fd 3). */
  channel: Buffer;
  limitExceeded: StoppedBy | null;
  spawnMs: number;
  wallMs: number;
  /** CPU periods the run was throttled at its CPU quota (sandbox only). */
  cpuThrottledPeriods?: number;
};

export type Spawner = {
  sandboxed: boolean;
  spawn: (request: SpawnRequest) => Promise<SpawnOutcome>;
};

const ENVIRONMENT = { LANG: "C.UTF-8", LC_ALL: "C.UTF-8", PATH: "/usr/bin:/bin", HOME: "/tmp", PYTHONHASHSEED: "0" };

export function sandboxedSpawner(pool: SandboxPool): Spawner {
  return {
    sandboxed: true,
    async spawn(request) {
      const started = performance.now();
      const outcome = await pool.run({
        kind: "grade",
        pythonArgs: [],
        stdin: request.stdin,
        readOnlyBinds: [],
        env: ENVIRONMENT,
        limits: request.limits,
        runtime: request.runtime,
      });
      return { ...outcome, spawnMs: performance.now() - started - outcome.wallMs, wallMs: performance.now() - started };
    },
  };
}

/** No isolation at all: local development only. */
export const unsandboxedSpawner: Spawner = {
  sandboxed: false,
  spawn: (request) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      void mkdtemp(path.join(os.tmpdir(), "awaitable-run-")).then((workDirectory) => {
        const child = spawn(PYTHON, [...ISOLATED_FLAGS, path.join(PYTHON_DIRECTORY, "grade.py")], {
          cwd: workDirectory,
          // Next.js types NODE_ENV as required; the harness gets only this environment.
          env: ENVIRONMENT as unknown as NodeJS.ProcessEnv,
          stdio: ["pipe", "pipe", "pipe", "pipe"],
          detached: true,
        });
        let spawnMs = 0;
        child.on("spawn", () => (spawnMs = performance.now() - started));
        let limitExceeded: StoppedBy | null = null;
        const stop = (limit: StoppedBy) => {
          limitExceeded ??= limit;
          try {
            if (child.pid) process.kill(-child.pid, "SIGKILL");
          } catch {
            // already gone
          }
        };
        const output = collectRunOutput(child, request.stdin, request.limits.outputKb * 1024, () => stop("output"));
        const timer = setTimeout(() => stop("wall"), request.limits.wallSeconds * 1000);
        child.on("error", (error) => {
          clearTimeout(timer);
          reject(error);
        });
        child.on("close", (exitCode, signal) => {
          clearTimeout(timer);
          // Student threads or forked children may outlive the harness.
          try {
            if (child.pid) process.kill(-child.pid, "SIGKILL");
          } catch {
            // already gone
          }
          void rm(workDirectory, { recursive: true, force: true });
          resolve({
            exitCode,
            signal,
            ...output(),
            limitExceeded: limitExceeded ?? (signal === "SIGXCPU" ? "cpu" : null),
            spawnMs,
            wallMs: performance.now() - started,
          });
        });
      }, reject);
    }),
};

export class SandboxUnavailableError extends Error {
  constructor(problems: string[]) {
    super(
      `Refusing to run student code: the sandbox does not work here.\n${problems.map((problem) => `  - ${problem}`).join("\n")}\n` +
        `Fix the above (see README, Prerequisites). For local development only, ${UNSANDBOXED_FLAG}=1 runs code without a sandbox.`,
    );
    this.name = "SandboxUnavailableError";
  }
}

/**
 * The grader's Python bytecode, compiled once per process: the zygote
 * imports it at every start, and the unsandboxed path at every run.
 */
let precompiled = false;
function precompilePython() {
  if (precompiled) return;
  precompiled = true;
  spawnSync(PYTHON, ["-m", "compileall", "-q", PYTHON_DIRECTORY], { stdio: "ignore" });
}

let sharedPool: SandboxPool | undefined;
let checked: Promise<Spawner> | undefined;

/** One pool of slots per process, as many as the jobs it runs at once. */
export function sandboxPool(): SandboxPool {
  sharedPool ??= new SandboxPool(Number(process.env.GRADER_CONCURRENCY ?? "") || os.availableParallelism());
  return sharedPool;
}

/**
 * The spawner every path uses. The sandbox's self-check runs once per
 * process; when it fails, running student code is refused with what is
 * missing, unless the development setting says otherwise.
 */
export async function defaultSpawner(
  environment: Record<string, string | undefined> = process.env,
  check: (pool: SandboxPool) => ReturnType<typeof checkSandbox> = checkSandbox,
): Promise<Spawner> {
  if (environment[UNSANDBOXED_FLAG] === "1") {
    precompilePython();
    process.stderr.write(
      `\u001b[1;33m⚠ ${UNSANDBOXED_FLAG}=1: running student code WITHOUT a sandbox. Local development only; never on a server.\u001b[0m\n`,
    );
    return unsandboxedSpawner;
  }
  checked ??= check(sandboxPool()).then((result) => {
    precompilePython();
    if (!result.ok) throw new SandboxUnavailableError(result.problems);
    return sandboxedSpawner(sandboxPool());
  });
  try {
    return await checked;
  } catch (error) {
    checked = undefined; // a later call checks again (a package may have been installed meanwhile)
    throw error;
  }
}

