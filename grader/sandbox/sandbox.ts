/**
 * Runs Debian's Python inside a bubblewrap sandbox, one run per slot.
 *
 * The chain of one run, each step exec'ing the next:
 *   dash (root)     joins the slot's cgroups (memory, pids), so every process
 *                   the run ever starts is counted and can be killed;
 *   prlimit         CPU seconds, file size, open files, processes, no core dumps;
 *   setpriv         drops to the slot's own unprivileged uid/gid, no groups;
 *   bwrap           new user/pid/net/ipc/uts/cgroup namespaces, an empty
 *                   environment, all capabilities dropped, the seccomp filter,
 *                   read-only /usr, a size-capped private /tmp, no /etc and no
 *                   host path but the ones the run needs (read-only);
 *   /usr/bin/python3 -I -S …
 * The wrapper is spawned with an empty environment: bwrap's own pid 1 keeps
 * the environment it was started with, and /proc/1/environ is readable inside.
 *
 * A run ends when Python exits, or is killed as a whole (its process group,
 * its pid namespace and everything left in its cgroups, setsid daemons
 * included) when it passes the wall-time or output limit or its pids limit.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { mkdir, mkdtemp, open, readFile, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createSlotCgroup, type SlotCgroup } from "./cgroups";
import type { LimitName, TSandboxLimits } from "./limits";
import { collectRunOutput, type KeptOutput } from "../output";

export const PYTHON = "/usr/bin/python3";
const BWRAP = "/usr/bin/bwrap";
const SETPRIV = "/usr/bin/setpriv";
const PRLIMIT = "/usr/bin/prlimit";
const DASH = "/bin/dash";
const sandboxDirectory = path.dirname(fileURLToPath(import.meta.url));

// Next.js types NODE_ENV as always present in process environments; the
// sandbox's wrapper deliberately gets none at all.
const EMPTY_ENVIRONMENT = {} as NodeJS.ProcessEnv;

/** Slot n runs as uid/gid SANDBOX_UID_BASE + n: one uid per concurrent run, owned by nobody else. */
const uidBase = () => Number(process.env.SANDBOX_UID_BASE ?? "61000");

export type SandboxRequest = {
  /** Arguments after `/usr/bin/python3 -I -S`. */
  pythonArgs: string[];
  /** Written to standard input, then closed. */
  stdin: string | Buffer;
  /** Host directories visible read-only inside, at the given path. */
  readOnlyBinds: { host: string; sandbox: string }[];
  /** The whole environment inside the sandbox (nothing is inherited). */
  env: Record<string, string>;
  limits: TSandboxLimits;
};

export type SandboxOutcome = {
  exitCode: number | null;
  /** The signal that ended Python (decoded from bwrap's 128+n), or that ended bwrap. */
  signal: NodeJS.Signals | null;
  /** The head and tail of what Python printed, and how much in all. */
  stdout: KeptOutput;
  stderr: KeptOutput;
  /** Everything Python wrote to fd 3, the result channel (at most 16 MiB). */
  channel: Buffer;
  limitExceeded: LimitName | null;
  peakMemoryBytes: number | null;
  /** Processes still in the run's cgroups after Python ended, and killed then. */
  strayProcessesKilled: number;
  wallMs: number;
  slot: number;
};

const signalNames = Object.fromEntries(Object.entries(os.constants.signals).map(([name, number]) => [number, name])) as Record<
  number,
  NodeJS.Signals
>;

let seccompFile: Promise<string> | undefined;

/** The seccomp filter as BPF, compiled once per process by seccomp_filter.py. */
function seccompProgram(): Promise<string> {
  seccompFile ??= (async () => {
    const compiled = spawnSync(PYTHON, ["-I", path.join(sandboxDirectory, "seccomp_filter.py")], { maxBuffer: 1 << 20 });
    if (compiled.status !== 0 || compiled.stdout.length === 0) {
      throw new Error(
        `could not build the seccomp filter (is Debian's python3-seccomp installed?): ${compiled.stderr.toString().trim()}`,
      );
    }
    const directory = await mkdtemp(path.join(os.tmpdir(), "awaitable-seccomp-"));
    const file = path.join(directory, "filter.bpf");
    await writeFile(file, compiled.stdout, { mode: 0o600 });
    return file;
  })();
  return seccompFile;
}

type Slot = { index: number; uid: number; cgroup: SlotCgroup };

const CLAIMS_DIRECTORY = existsSync("/run") ? "/run/awaitable-sandbox" : path.join(os.tmpdir(), "awaitable-sandbox");
const MAX_SLOTS = 1000;
const claimed = new Set<number>();

/**
 * A slot number no other process on this machine uses: several workers (and
 * parallel test files) share the machine, and two runs in one uid or cgroup
 * would kill each other's processes. A claim is a file created exclusively,
 * naming its owner's pid; a dead owner's claim is taken over.
 */
async function claimSlotNumber(): Promise<number> {
  await mkdir(CLAIMS_DIRECTORY, { recursive: true, mode: 0o700 });
  for (let index = 0; index < MAX_SLOTS; index += 1) {
    if (claimed.has(index)) continue;
    const file = path.join(CLAIMS_DIRECTORY, `slot-${index}.owner`);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        await writeFile(file, String(process.pid), { flag: "wx", mode: 0o600 });
        claimed.add(index);
        return index;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const owner = Number(await readFile(file, "utf8").catch(() => "0"));
        if (owner > 0 && processAlive(owner)) break;
        await unlink(file).catch(() => undefined); // a dead owner's claim: take it over
      }
    }
  }
  throw new Error(`all ${MAX_SLOTS} sandbox slots of this machine are claimed (see ${CLAIMS_DIRECTORY})`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

process.on("exit", () => {
  for (const index of claimed) rmSync(path.join(CLAIMS_DIRECTORY, `slot-${index}.owner`), { force: true });
});

/** A fixed number of slots, each with its own uid and cgroups, reused run after run. */
export class SandboxPool {
  private readonly free: Slot[] = [];
  private readonly waiting: ((slot: Slot) => void)[] = [];
  private created = 0;

  constructor(readonly size: number) {}

  private async acquire(): Promise<Slot> {
    const slot = this.free.pop();
    if (slot) return slot;
    if (this.created < this.size) {
      this.created += 1;
      try {
        const index = await claimSlotNumber();
        return { index, uid: uidBase() + index, cgroup: await createSlotCgroup(`slot-${index}`) };
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

  /** Slots in use right now (for tests and the health of the worker). */
  get busy(): number {
    return this.created - this.free.length;
  }

  async run(request: SandboxRequest): Promise<SandboxOutcome> {
    const slot = await this.acquire();
    try {
      // Whatever a previous run left behind goes before this one starts.
      await slot.cgroup.killAll();
      await slot.cgroup.prepare({ memoryBytes: request.limits.memoryMb * 1024 * 1024, processes: request.limits.processes });
      return await runInSlot(slot, request);
    } catch (error) {
      // runInSlot empties the slot when it ends normally; on a failure, here.
      await slot.cgroup.killAll().catch(() => undefined);
      throw error;
    } finally {
      this.release(slot);
    }
  }
}

function bwrapArguments(request: SandboxRequest, uid: number): string[] {
  const args = [
    "--unshare-all",
    "--unshare-user",
    // Python itself is pid 1 of the run's namespace, and bwrap (outside it)
    // its parent, which reaps it. With bwrap's own init as pid 1, that init
    // can outlive bwrap and become a zombie nobody reaps on machines whose
    // init does not reap (containers), charging the slot's pids limit forever.
    // When pid 1 exits, the kernel kills everything else in the namespace.
    "--as-pid-1",
    "--disable-userns",
    "--die-with-parent",
    "--new-session",
    "--cap-drop", "ALL",
    "--clearenv",
    "--hostname", "sandbox",
    "--uid", String(uid),
    "--gid", String(uid),
    "--seccomp", "4",
    "--ro-bind", "/usr", "/usr",
    "--symlink", "usr/bin", "/bin",
    "--symlink", "usr/lib", "/lib",
    "--symlink", "usr/lib64", "/lib64",
    "--proc", "/proc",
    "--dev", "/dev",
    "--size", String(request.limits.tmpMb * 1024 * 1024),
    "--tmpfs", "/tmp",
    "--chdir", "/tmp",
  ];
  for (const bind of request.readOnlyBinds) args.push("--ro-bind", bind.host, bind.sandbox);
  for (const [name, value] of Object.entries(request.env)) args.push("--setenv", name, value);
  return args;
}

async function runInSlot(slot: Slot, request: SandboxRequest): Promise<SandboxOutcome> {
  const { limits } = request;
  const seccomp = await open(await seccompProgram(), "r");
  const started = performance.now();
  const prlimits = [
    `--cpu=${limits.cpuSeconds}:${limits.cpuSeconds + 1}`,
    `--fsize=${limits.fileSizeMb * 1024 * 1024}`,
    `--nofile=${limits.openFiles}`,
    // A backstop only: the pids cgroup (limits.processes) must trip first,
    // because that is what the run is stopped and reported on.
    `--nproc=${limits.processes * 2}`,
    "--core=0",
  ];
  const joinCgroups = 'for group in "$1" "$2"; do [ -n "$group" ] && echo $$ > "$group"; done; shift 2; exec "$@"';
  const [memoryProcs = "", pidsProcs = ""] = slot.cgroup.procsFiles;
  const child = spawn(
    DASH,
    [
      "-c", joinCgroups, "sandbox", memoryProcs, pidsProcs,
      PRLIMIT, ...prlimits, "--",
      SETPRIV, `--reuid=${slot.uid}`, `--regid=${slot.uid}`, "--clear-groups", "--",
      BWRAP, ...bwrapArguments(request, slot.uid), "--",
      PYTHON, "-I", "-S", ...request.pythonArgs,
    ],
    // cwd "/": dash exports PWD, and the host's working directory is nobody's business inside.
    { env: EMPTY_ENVIRONMENT, cwd: "/", stdio: ["pipe", "pipe", "pipe", "pipe", seccomp.fd], detached: true },
  );
  await seccomp.close();

  let limitExceeded: LimitName | null = null;
  let forceTimer: NodeJS.Timeout | undefined;
  const stop = (limit: LimitName) => {
    limitExceeded ??= limit;
    // Kill Python (pid 1 inside), not bwrap: the namespace dies with it and
    // bwrap reaps it, so nothing is left for an absent reaper. Only if Python
    // is not there yet (or this does not end the run) does the whole group go.
    const python = child.pid === undefined ? [] : childrenOf(child.pid);
    for (const pid of python) sendSignal(pid, "SIGKILL");
    if (python.length === 0 && child.pid !== undefined) sendSignal(-child.pid, "SIGKILL");
    forceTimer ??= setTimeout(() => child.pid !== undefined && sendSignal(-child.pid, "SIGKILL"), 2000);
  };

  const output = collectRunOutput(child, request.stdin, limits.outputKb * 1024, () => stop("output"));

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

  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("close", (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
  });
  clearTimeout(wallTimer);
  clearTimeout(forceTimer);
  clearInterval(limitWatch);
  const wallMs = performance.now() - started;
  const strayProcessesKilled = await slot.cgroup.killAll();
  const usage = await slot.cgroup.usage();

  // bwrap reports a child killed by signal n as exit code 128 + n.
  const pythonSignal = code !== null && code > 128 ? (signalNames[code - 128] ?? null) : null;
  if (!limitExceeded) {
    if (usage.oomKilled) limitExceeded = "memory";
    else if (usage.pidsLimitHit) limitExceeded = "processes";
    // As pid 1, Python ignores a SIGXCPU it has no handler for: the hard limit
    // (one second later) SIGKILLs it. Nothing inside can SIGKILL pid 1, so a
    // SIGKILL we did not send and the OOM killer did not send is the CPU limit.
    else if (pythonSignal === "SIGXCPU" || pythonSignal === "SIGKILL") limitExceeded = "cpu";
    else if (pythonSignal === "SIGXFSZ") limitExceeded = "fileSize";
  }
  return {
    exitCode: pythonSignal ? null : code,
    signal: pythonSignal ?? signal,
    stdout: output.stdout(),
    stderr: output.stderr(),
    channel: output.channel(),
    limitExceeded,
    peakMemoryBytes: usage.peakMemoryBytes,
    strayProcessesKilled,
    wallMs,
    slot: slot.index,
  };
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function sendSignal(pid: number, name: NodeJS.Signals) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
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
  const binaries: [string, string][] = [
    [BWRAP, "bubblewrap"],
    [PYTHON, "python3"],
    [SETPRIV, "util-linux"],
    [PRLIMIT, "util-linux"],
    [DASH, "dash"],
  ];
  for (const [binary, debianPackage] of binaries) {
    if (!existsSync(binary)) problems.push(`${binary} is missing (apt-get install ${debianPackage})`);
  }
  if (problems.length > 0) return { ok: false, problems };
  try {
    await seccompProgram();
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
  try {
    const outcome = await pool.run({
      pythonArgs: ["-c", "import sys; print('sandbox ok', sys.version_info[:2] >= (3, 11))"],
      stdin: "",
      readOnlyBinds: [],
      env: { PATH: "/usr/bin" },
      limits: { cpuSeconds: 5, wallSeconds: 10, memoryMb: 128, processes: 16, fileSizeMb: 1, openFiles: 64, outputKb: 16, tmpMb: 1 },
    });
    const stdout = outcome.stdout.head.toString().trim();
    if (outcome.exitCode !== 0 || stdout !== "sandbox ok True") {
      const stderr = outcome.stderr.head.toString().trim();
      const hint = /namespace|Operation not permitted|No permissions/i.test(stderr)
        ? " (are unprivileged user namespaces enabled? sysctl kernel.unprivileged_userns_clone=1 and user.max_user_namespaces > 0)"
        : "";
      problems.push(`a trial run in the sandbox failed: exit ${outcome.exitCode ?? outcome.signal}: ${stderr || stdout}${hint}`);
    }
  } catch (error) {
    problems.push(`a trial run in the sandbox failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { detectCgroups } = await import("./cgroups");
  const cgroups = await detectCgroups();
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cgroups: cgroups.mode ?? "none" };
}
