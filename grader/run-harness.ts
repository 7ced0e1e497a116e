/**
 * Runs the Python harness on one submission and returns the parsed result.
 *
 * Every Python process is started through one function, `spawnHarness`, so
 * that the sandbox (bubblewrap + seccomp + cgroups, the next issue) can wrap
 * it. Until then the runner refuses to run unless the explicit development
 * flag AWAITABLE_UNSANDBOXED=1 is set, and says so loudly on every run.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { RESULT_VERSION, ZHarnessDocument, type TGradingResult, type THarnessDocument, type TText, type TVerdict } from "./result";

export const PYTHON = "/usr/bin/python3";
const graderDirectory = path.dirname(fileURLToPath(import.meta.url));
export const HARNESS_ENTRY = path.join(graderDirectory, "harness", "run.py");
export const EXERCISES_ROOT = path.resolve(graderDirectory, "..", "exercises");
export const UNSANDBOXED_FLAG = "AWAITABLE_UNSANDBOXED";

/** Bytes of stdout/stderr kept in the result: the head and the tail (the
 * end of a long output, "总耗时：…", is often what matters); the middle is
 * cut with a note. */
export const KEPT_HEAD_BYTES = 48 * 1024;
export const KEPT_TAIL_BYTES = 16 * 1024;

export const ZLimits = z.object({
  virtualSeconds: z.number().positive().describe("Virtual seconds the program may run"),
  wallSeconds: z.number().positive().describe("Real seconds before the process group is killed"),
  cpuSeconds: z.number().int().positive().describe("RLIMIT_CPU of the harness process"),
  memoryMb: z.number().int().positive().describe("RLIMIT_AS of the harness process"),
  outputBytes: z.number().int().positive().describe("stdout + stderr bytes before OUTPUT_LIMIT"),
});
export type TLimits = z.infer<typeof ZLimits>;

export const DEFAULT_LIMITS: TLimits = {
  virtualSeconds: 300,
  wallSeconds: 20,
  cpuSeconds: 10,
  memoryMb: 1024,
  outputBytes: 1024 * 1024,
};

const ZBilingualTitle = z.object({ "zh-CN": z.string().min(1), en: z.string().min(1) });

/** The minimal exercise folder format `grade` needs (the full format is a later issue). */
export const ZExerciseFile = z
  .object({
    id: z.uuid().describe("Stable id: never change it"),
    slug: z.string().regex(/^[a-z0-9-]+$/),
    title: ZBilingualTitle,
    clock: z.enum(["virtual", "wall"]).default("virtual").describe("wall only for what the virtual model cannot express"),
    cpu: z.enum(["free", "charged"]).default("free").describe("charged: real CPU time of task steps advances the clock"),
    limits: ZLimits.partial().default({}),
    io: z
      .object({
        http: z
          .object({
            defaultLatency: z.number().nonnegative().optional(),
            routes: z
              .array(
                z.object({
                  url: z.string().describe("fnmatch pattern on the full URL"),
                  method: z.string().optional(),
                  latency: z.number().nonnegative().optional(),
                  status: z.number().int().optional(),
                  json: z.unknown().optional(),
                  text: z.string().optional(),
                }),
              )
              .optional(),
          })
          .optional(),
        fileLatency: z.number().nonnegative().optional(),
      })
      .optional()
      .describe("Latency of the harness's fake aiohttp/requests/aiofiles"),
  })
  .loose();

export type LoadedExercise = {
  id: string;
  slug: string;
  directory: string;
  testsPath: string;
  solutionPath: string;
  definition: z.infer<typeof ZExerciseFile>;
};

export class GraderUsageError extends Error {}

async function findExerciseFiles(directory: string, depth: number): Promise<string[]> {
  if (depth < 0 || !existsSync(directory)) return [];
  const entries = await readdir(directory, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isFile() && entry.name === "exercise.json") found.push(full);
    else if (entry.isDirectory() && !entry.name.startsWith(".")) found.push(...(await findExerciseFiles(full, depth - 1)));
  }
  return found;
}

/** Find an exercise by uuid or slug under exercises/. */
export async function loadExercise(idOrSlug: string, root = EXERCISES_ROOT): Promise<LoadedExercise> {
  for (const file of await findExerciseFiles(root, 4)) {
    const parsed = ZExerciseFile.safeParse(JSON.parse(await readFile(file, "utf8")));
    if (!parsed.success) continue;
    if (parsed.data.id !== idOrSlug && parsed.data.slug !== idOrSlug) continue;
    const directory = path.dirname(file);
    return {
      id: parsed.data.id,
      slug: parsed.data.slug,
      directory,
      testsPath: path.join(directory, "tests.py"),
      solutionPath: path.join(directory, "solution.py"),
      definition: parsed.data,
    };
  }
  throw new GraderUsageError(`No exercise with id or slug "${idOrSlug}" under ${root}`);
}

// ----- spawning ------------------------------------------------------------------------------------

export type SpawnRequest = {
  argv: string[];
  /** Written to the child's standard input, then closed. */
  stdin: string;
  env: Record<string, string>;
  cwd: string;
  wallMs: number;
  /** Bytes of stdout/stderr read before the process group is killed. */
  hardOutputBytes: number;
};

export type KeptOutput = { head: Buffer; tail: Buffer; bytes: number };

export type SpawnOutcome = {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: KeptOutput;
  stderr: KeptOutput;
  /** Everything read from the result channel (fd 3). */
  channel: Buffer;
  killedForWall: boolean;
  killedForOutput: boolean;
  spawnMs: number;
  wallMs: number;
};

export type Spawner = (request: SpawnRequest) => Promise<SpawnOutcome>;

/**
 * Start `argv` with stdin, stdout, stderr and a result pipe on fd 3, in its
 * own process group, killed whole at the wall limit. No isolation at all:
 * the sandbox issue wraps this function.
 */
export const spawnHarness: Spawner = (request) =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const [command, ...args] = request.argv;
    if (!command) {
      reject(new Error("spawnHarness: empty argv"));
      return;
    }
    const child = spawn(command, args, {
      cwd: request.cwd,
      // The project types NODE_ENV as required; the harness gets only what request.env lists.
      env: { ...request.env } as NodeJS.ProcessEnv,
      stdio: ["pipe", "pipe", "pipe", "pipe"],
      detached: true,
    });
    let spawnMs = 0;
    child.on("spawn", () => {
      spawnMs = performance.now() - started;
    });
    const stdout = new OutputKeeper();
    const stderr = new OutputKeeper();
    const channel: Buffer[] = [];
    let killedForWall = false;
    let killedForOutput = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const onOutput = (keeper: OutputKeeper) => (chunk: Buffer) => {
      keeper.add(chunk);
      if (stdout.bytes + stderr.bytes > request.hardOutputBytes && !killedForOutput) {
        killedForOutput = true;
        killGroup();
      }
    };
    child.stdout.on("data", onOutput(stdout));
    child.stderr.on("data", onOutput(stderr));
    const resultStream = child.stdio[3];
    if (resultStream && "on" in resultStream) {
      resultStream.on("data", (chunk: Buffer) => {
        // A document is small; more than a few MiB on the channel is abuse.
        if (channel.reduce((total, part) => total + part.length, 0) < 16 * 1024 * 1024) channel.push(chunk);
      });
      resultStream.on("error", () => undefined);
    }
    const timer = setTimeout(() => {
      killedForWall = true;
      killGroup();
    }, request.wallMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(request.stdin);
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      // Student threads or forked children may outlive the harness.
      killGroup();
      resolve({
        exitCode,
        signal,
        stdout: stdout.kept(),
        stderr: stderr.kept(),
        channel: Buffer.concat(channel),
        killedForWall,
        killedForOutput,
        spawnMs,
        wallMs: performance.now() - started,
      });
    });
  });

class OutputKeeper {
  private head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer = Buffer.alloc(0);
  bytes = 0;

  add(chunk: Buffer): void {
    this.bytes += chunk.length;
    const forHead = Math.max(0, Math.min(chunk.length, KEPT_HEAD_BYTES - this.headBytes));
    if (forHead > 0) {
      this.head.push(chunk.subarray(0, forHead));
      this.headBytes += forHead;
    }
    if (forHead < chunk.length) {
      const rest = chunk.subarray(forHead);
      this.tail = Buffer.concat([this.tail, rest]);
      if (this.tail.length > KEPT_TAIL_BYTES) this.tail = this.tail.subarray(this.tail.length - KEPT_TAIL_BYTES);
    }
  }

  kept(): KeptOutput {
    return { head: Buffer.concat(this.head), tail: this.tail, bytes: this.bytes };
  }
}

export class SandboxUnavailableError extends Error {
  constructor() {
    super(
      `Refusing to run student code: the sandbox is not built yet. For local development only, set ${UNSANDBOXED_FLAG}=1 to run it unsandboxed on this machine.`,
    );
  }
}

/** The spawner to use: unsandboxed only behind the explicit development flag. */
export function defaultSpawner(environment: Record<string, string | undefined> = process.env): { spawner: Spawner; sandboxed: boolean } {
  if (environment[UNSANDBOXED_FLAG] === "1") {
    process.stderr.write(
      `\u001b[1;33m⚠ ${UNSANDBOXED_FLAG}=1: running student code WITHOUT a sandbox. Local development only; never on a server.\u001b[0m\n`,
    );
    return { spawner: spawnHarness, sandboxed: false };
  }
  throw new SandboxUnavailableError();
}

// ----- the result channel -----------------------------------------------------------------------

export type ChannelReading =
  | { kind: "document"; document: THarnessDocument }
  | { kind: "missing" }
  | { kind: "tampered"; reason: string };

/**
 * Accept exactly one frame `AWAITABLE-RESULT <version> <nonce> <length>\n<json>\n`
 * and nothing else; anything extra means someone else wrote to the channel.
 */
export function readChannel(channel: Buffer, nonce: string): ChannelReading {
  if (channel.length === 0) return { kind: "missing" };
  const newline = channel.indexOf(0x0a);
  if (newline < 0) return { kind: "tampered", reason: "no frame header" };
  const header = channel.subarray(0, newline).toString("latin1");
  const match = /^AWAITABLE-RESULT (\d+) ([0-9a-f]{32}) (\d+)$/.exec(header);
  if (!match) return { kind: "tampered", reason: "malformed frame header" };
  const [, version, frameNonce, length] = match;
  if (frameNonce !== nonce) return { kind: "tampered", reason: "wrong nonce" };
  if (Number(version) !== RESULT_VERSION) return { kind: "tampered", reason: `unknown version ${version}` };
  const bodyLength = Number(length);
  if (channel.length !== newline + 1 + bodyLength + 1 || channel[channel.length - 1] !== 0x0a) {
    return { kind: "tampered", reason: "frame length does not match" };
  }
  let json: unknown;
  try {
    json = JSON.parse(channel.subarray(newline + 1, newline + 1 + bodyLength).toString("utf8"));
  } catch {
    return { kind: "tampered", reason: "frame body is not JSON" };
  }
  const parsed = ZHarnessDocument.safeParse(json);
  if (!parsed.success) return { kind: "tampered", reason: `frame body does not match the schema: ${parsed.error.message.slice(0, 300)}` };
  return { kind: "document", document: parsed.data };
}

function truncated(output: KeptOutput): { text: string; truncated: boolean } {
  const keptBytes = output.head.length + output.tail.length;
  if (output.bytes <= keptBytes) return { text: Buffer.concat([output.head, output.tail]).toString("utf8"), truncated: false };
  const cut = output.bytes - keptBytes;
  return {
    text: `${output.head.toString("utf8")}\n… [输出过长：共 ${output.bytes} 字节，中间 ${cut} 字节已省略 / output truncated: ${output.bytes} bytes, ${cut} bytes in the middle left out] …\n${output.tail.toString("utf8")}`,
    truncated: true,
  };
}

// ----- running a job ----------------------------------------------------------------------------

export type HarnessJob = {
  mode: "run" | "grade";
  submissionPath: string;
  clock?: "virtual" | "wall";
  cpu?: "free" | "charged";
  limits?: Partial<TLimits>;
  exercise?: LoadedExercise;
};

export type RunOptions = {
  spawner?: Spawner;
  sandboxed?: boolean;
};

function emptyDocument(job: HarnessJob, clock: "virtual" | "wall", cpu: "free" | "charged"): THarnessDocument {
  return {
    version: RESULT_VERSION,
    mode: job.mode,
    verdict: "GRADER_ERROR",
    score: job.mode === "grade" ? 0 : null,
    message: null,
    clock,
    cpu,
    elapsed: null,
    exercise: job.exercise ? { id: job.exercise.id, slug: job.exercise.slug } : null,
    tests: [],
    error: null,
    trace: null,
    python: "",
    harness: "",
    timings: {},
  };
}

function synthesized(document: THarnessDocument, verdict: TVerdict, message: TText, type: string): THarnessDocument {
  return {
    ...document,
    verdict,
    message,
    error: { type, message: message.en, line: null, traceback: "" },
  };
}

export async function runHarness(job: HarnessJob, options: RunOptions = {}): Promise<TGradingResult> {
  const selected = options.spawner ? { spawner: options.spawner, sandboxed: options.sandboxed ?? true } : defaultSpawner();
  const exerciseDefinition = job.exercise?.definition;
  const clock = job.clock ?? exerciseDefinition?.clock ?? "virtual";
  const cpu = job.cpu ?? exerciseDefinition?.cpu ?? "free";
  const limits: TLimits = { ...DEFAULT_LIMITS, ...exerciseDefinition?.limits, ...job.limits };
  const nonce = randomBytes(16).toString("hex");
  const workDirectory = await mkdtemp(path.join(os.tmpdir(), "awaitable-run-"));
  const config = {
    nonce,
    mode: job.mode,
    submissionPath: path.resolve(job.submissionPath),
    submissionName: path.basename(job.submissionPath),
    clock,
    cpu,
    limits,
    io: exerciseDefinition?.io ?? null,
    exercise: job.exercise
      ? { id: job.exercise.id, slug: job.exercise.slug, testsPath: job.exercise.testsPath }
      : null,
  };
  let outcome: SpawnOutcome;
  try {
    outcome = await selected.spawner({
      argv: [PYTHON, "-I", "-B", HARNESS_ENTRY],
      stdin: `${JSON.stringify(config)}\n`,
      env: { LANG: "C.UTF-8", LC_ALL: "C.UTF-8", PATH: "/usr/bin:/bin" },
      cwd: workDirectory,
      wallMs: limits.wallSeconds * 1000,
      hardOutputBytes: limits.outputBytes * 2 + 64 * 1024,
    });
  } finally {
    await rm(workDirectory, { recursive: true, force: true });
  }
  const reading = readChannel(outcome.channel, nonce);
  let document: THarnessDocument;
  const base = emptyDocument(job, clock, cpu);
  if (outcome.killedForWall) {
    document = synthesized(base, "TIME_LIMIT", {
      zh: `程序运行超过了 ${limits.wallSeconds} 秒的真实时间上限，被终止（是不是有死循环？）。`,
      en: `The program ran past the ${limits.wallSeconds} s real-time limit and was stopped (an endless loop?).`,
    }, "wall-time-limit");
  } else if (outcome.killedForOutput) {
    document = synthesized(base, "OUTPUT_LIMIT", {
      zh: `程序的输出超过了 ${limits.outputBytes} 字节的上限。`,
      en: `The program printed more than the ${limits.outputBytes}-byte limit.`,
    }, "output");
  } else if (reading.kind === "document") {
    document = reading.document;
  } else if (reading.kind === "tampered") {
    document = synthesized(base, "RUNTIME_ERROR", {
      zh: "程序向评测系统的私有结果通道写入了数据，结果无法采信。请不要写入标准输出/标准错误以外的文件描述符。",
      en: "The program wrote to the grader's private result channel, so its result cannot be trusted. Do not write to file descriptors other than stdout and stderr.",
    }, `channel-tampered: ${reading.reason}`);
  } else if (outcome.signal === "SIGXCPU" || outcome.signal === "SIGKILL") {
    document = synthesized(base, "TIME_LIMIT", {
      zh: `程序占用的 CPU 时间超过了 ${limits.cpuSeconds} 秒的上限。`,
      en: `The program used more than ${limits.cpuSeconds} s of CPU time.`,
    }, "cpu");
  } else if (outcome.stderr.head.includes("MemoryError") || outcome.stderr.tail.includes("MemoryError")) {
    document = synthesized(base, "MEMORY_LIMIT", { zh: "程序使用的内存超过了上限。", en: "The program used more memory than allowed." }, "memory");
  } else if (outcome.signal) {
    document = synthesized(base, "RUNTIME_ERROR", {
      zh: `程序被信号 ${outcome.signal} 终止。`,
      en: `The program was killed by signal ${outcome.signal}.`,
    }, "signal");
  } else {
    document = synthesized(base, "GRADER_ERROR", {
      zh: "评测系统没有收到结果（内部错误），将自动重试。",
      en: "The grader received no result (internal error); it will be retried.",
    }, `no-result: exit ${outcome.exitCode}`);
  }
  const stdout = truncated(outcome.stdout);
  const stderr = truncated(outcome.stderr);
  return {
    ...document,
    stdout: stdout.text,
    stderr: stderr.text,
    outputTruncated: { stdout: stdout.truncated, stderr: stderr.truncated },
    sandboxed: selected.sandboxed,
    timings: { ...document.timings, spawnMs: round(outcome.spawnMs), wallMs: round(outcome.wallMs) },
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
