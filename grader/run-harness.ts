/**
 * Runs the Python harness on one submission, in the sandbox (grader/spawn.ts),
 * and returns the parsed result document (grader/CONTRACT.md).
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ZExerciseFile as ZExerciseContentFile } from "../lib/content/schemas";
import type { KeptOutput } from "./output";
import { RESULT_VERSION, ZHarnessDocument, type TGradingResult, type THarnessDocument, type TText, type TVerdict } from "./result";
import { DEFAULT_SANDBOX_LIMITS, describeLimit, ZSandboxLimits } from "./sandbox/limits";
import { defaultSpawner, HARNESS_DIRECTORY, type Mount, type SpawnOutcome, type Spawner } from "./spawn";

export { PYTHON } from "./sandbox/sandbox";
export { HARNESS_DIRECTORY, SandboxUnavailableError, UNSANDBOXED_FLAG } from "./spawn";
const graderDirectory = path.dirname(fileURLToPath(import.meta.url));
export const EXERCISES_ROOT = path.resolve(graderDirectory, "..", "exercises");

/** The harness's exit status when the student's code closed or replaced the result channel. */
const CHANNEL_LOST_EXIT = 71;

/** The limits of one run: the harness's own, and the sandbox's around it. */
export const ZLimits = ZSandboxLimits.extend({
  virtualSeconds: z.number().positive().describe("Virtual seconds the program may run"),
  outputBytes: z.number().int().positive().describe("stdout + stderr bytes before OUTPUT_LIMIT (the sandbox kills at twice that)"),
}).omit({ outputKb: true });
export type TLimits = z.infer<typeof ZLimits>;

export const DEFAULT_LIMITS: TLimits = {
  ...DEFAULT_SANDBOX_LIMITS,
  virtualSeconds: 300,
  outputBytes: 1024 * 1024,
};

/**
 * The fields of exercise.json that grading reads. The format itself is
 * lib/content/schemas.ts (one schema for loader, check and grader); grading
 * ignores the other fields, so an exercise whose hints are mid-edit still
 * grades (`npm run content:check` holds the whole file to the format).
 */
export const ZExerciseFile = ZExerciseContentFile.pick({
  id: true,
  slug: true,
  title: true,
  clock: true,
  cpu: true,
  limits: true,
  io: true,
}).loose();

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

async function readExerciseFile(file: string): Promise<LoadedExercise | null> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return null; // an exercise being edited must not stop every other one from grading
  }
  const parsed = ZExerciseFile.safeParse(json);
  if (!parsed.success) return null;
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

/**
 * Where each exercise was last found (root, then id or slug → exercise.json).
 * The file itself is read afresh every time, so an edited exercise grades
 * with its edits; only a moved one costs another search.
 */
const exerciseFiles = new Map<string, string>();

/** Find an exercise by uuid or slug under exercises/. */
export async function loadExercise(idOrSlug: string, root = EXERCISES_ROOT): Promise<LoadedExercise> {
  const key = `${root}\0${idOrSlug}`;
  const known = exerciseFiles.get(key);
  if (known) {
    const exercise = await readExerciseFile(known);
    if (exercise && (exercise.id === idOrSlug || exercise.slug === idOrSlug)) return exercise;
    exerciseFiles.delete(key);
  }
  for (const file of await findExerciseFiles(root, 4)) {
    const exercise = await readExerciseFile(file);
    if (!exercise || (exercise.id !== idOrSlug && exercise.slug !== idOrSlug)) continue;
    exerciseFiles.set(key, file);
    return exercise;
  }
  throw new GraderUsageError(`No exercise with id or slug "${idOrSlug}" under ${root}`);
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
  /** The program: a file, or its text (named `submission.py`). */
  submissionPath?: string;
  submissionCode?: string;
  clock?: "virtual" | "wall";
  cpu?: "free" | "charged";
  limits?: Partial<TLimits>;
  exercise?: LoadedExercise;
};

export type RunOptions = {
  spawner?: Spawner;
};

function emptyDocument(job: Pick<HarnessJob, "mode" | "exercise">, clock: "virtual" | "wall", cpu: "free" | "charged"): THarnessDocument {
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

/** The result of a grading that never produced one of its own: our fault, never the student's. */
export function graderErrorResult(message: TText, type: string, sandboxed: boolean): TGradingResult {
  const document = synthesized(emptyDocument({ mode: "grade" }, "virtual", "free"), "GRADER_ERROR", message, type);
  return { ...document, stdout: "", stderr: "", outputTruncated: { stdout: false, stderr: false }, sandboxed };
}

export async function runHarness(job: HarnessJob, options: RunOptions = {}): Promise<TGradingResult> {
  const spawner = options.spawner ?? (await defaultSpawner());
  const exerciseDefinition = job.exercise?.definition;
  const clock = job.clock ?? exerciseDefinition?.clock ?? "virtual";
  const cpu = job.cpu ?? exerciseDefinition?.cpu ?? "free";
  const limits: TLimits = { ...DEFAULT_LIMITS, ...exerciseDefinition?.limits, ...job.limits };
  const nonce = randomBytes(16).toString("hex");
  // The run sees copies of exactly two files, in folders it may read: the
  // submission and the exercise's tests (never the reference solution, nor
  // whatever else sits beside the submission on the host).
  if ((job.submissionPath === undefined) === (job.submissionCode === undefined)) {
    throw new GraderUsageError("a harness job takes either submissionPath or submissionCode");
  }
  const runDirectory = await mkdtemp(path.join(os.tmpdir(), "awaitable-job-"));
  const submissionName = job.submissionPath === undefined ? "submission.py" : path.basename(job.submissionPath);
  let outcome: SpawnOutcome;
  try {
    // The sandbox runs as an unprivileged uid: it must be able to read these
    // (mode given explicitly, and again by chmod, whatever the umask).
    await chmod(runDirectory, 0o755);
    const submissionDirectory = path.join(runDirectory, "submission");
    const exerciseDirectory = path.join(runDirectory, "exercise");
    await mkdir(submissionDirectory, { mode: 0o755 });
    const submissionFile = path.join(submissionDirectory, submissionName);
    if (job.submissionPath === undefined) await writeFile(submissionFile, job.submissionCode ?? "", { mode: 0o644 });
    else await copyFile(job.submissionPath, submissionFile);
    const readable = [chmod(submissionDirectory, 0o755), chmod(submissionFile, 0o644)];
    if (job.exercise) {
      await mkdir(exerciseDirectory, { mode: 0o755 });
      await copyFile(job.exercise.testsPath, path.join(exerciseDirectory, "tests.py"));
      readable.push(chmod(exerciseDirectory, 0o755), chmod(path.join(exerciseDirectory, "tests.py"), 0o644));
    }
    await Promise.all(readable);
    const mounts: Record<"harness" | "submission" | "exercise", Mount | null> = {
      harness: { host: HARNESS_DIRECTORY, sandbox: "/grader/harness" },
      submission: { host: submissionDirectory, sandbox: "/submission" },
      exercise: job.exercise ? { host: exerciseDirectory, sandbox: "/exercise" } : null,
    };
    const config = {
      nonce,
      mode: job.mode,
      submissionPath: spawner.inside(mounts.submission!, path.join(submissionDirectory, submissionName)),
      submissionName,
      clock,
      cpu,
      limits,
      io: exerciseDefinition?.io ?? null,
      exercise:
        job.exercise && mounts.exercise
          ? { id: job.exercise.id, slug: job.exercise.slug, testsPath: spawner.inside(mounts.exercise, path.join(exerciseDirectory, "tests.py")) }
          : null,
    };
    outcome = await spawner.spawn({
      pythonArgs: ["-I", "-B", spawner.inside(mounts.harness!, path.join(HARNESS_DIRECTORY, "run.py"))],
      stdin: `${JSON.stringify(config)}\n`,
      mounts: Object.values(mounts).filter((mount): mount is Mount => mount !== null),
      limits: {
        ...limits,
        // The harness stops printing at outputBytes and reports OUTPUT_LIMIT
        // itself; the sandbox kills only a process that goes far past it.
        outputKb: Math.ceil((limits.outputBytes * 2 + 64 * 1024) / 1024),
        // One second more than the harness's own CPU limit, so the harness
        // reports it itself when it can.
        cpuSeconds: limits.cpuSeconds + 1,
      },
    });
  } finally {
    await rm(runDirectory, { recursive: true, force: true });
  }
  const reading = readChannel(outcome.channel, nonce);
  const base = emptyDocument(job, clock, cpu);
  const limitMessage = (limit: Parameters<typeof describeLimit>[0]): TText => {
    const text = describeLimit(limit, { ...limits, outputKb: Math.ceil(limits.outputBytes / 1024) });
    return { zh: text["zh-CN"], en: text.en };
  };
  let document: THarnessDocument;
  switch (outcome.limitExceeded) {
    case "wall":
      document = synthesized(base, "TIME_LIMIT", limitMessage("wall"), "wall-time-limit");
      break;
    case "output":
      document = synthesized(base, "OUTPUT_LIMIT", limitMessage("output"), "output-limit");
      break;
    case "fileSize":
      document = synthesized(base, "OUTPUT_LIMIT", limitMessage("fileSize"), "file-size-limit");
      break;
    case "memory":
      document = synthesized(base, "MEMORY_LIMIT", limitMessage("memory"), "memory-limit");
      break;
    case "processes":
      document = synthesized(base, "RUNTIME_ERROR", limitMessage("processes"), "process-limit");
      break;
    case "cpu":
      // The harness catches SIGXCPU and reports it; only when it could not is the verdict ours.
      document = reading.kind === "document" ? reading.document : synthesized(base, "TIME_LIMIT", limitMessage("cpu"), "cpu-limit");
      break;
    default:
      document = documentFromReading(reading, outcome, base, limits);
  }
  const stdout = truncated(outcome.stdout);
  const stderr = truncated(outcome.stderr);
  return {
    ...document,
    stdout: stdout.text,
    stderr: stderr.text,
    outputTruncated: { stdout: stdout.truncated, stderr: stderr.truncated },
    sandboxed: spawner.sandboxed,
    timings: { ...document.timings, spawnMs: round(outcome.spawnMs), wallMs: round(outcome.wallMs) },
  };
}

function documentFromReading(
  reading: ChannelReading,
  outcome: SpawnOutcome,
  base: THarnessDocument,
  limits: TLimits,
): THarnessDocument {
  if (reading.kind === "document") return reading.document;
  if (reading.kind === "tampered" || (reading.kind === "missing" && outcome.exitCode === CHANNEL_LOST_EXIT)) {
    return synthesized(base, "RUNTIME_ERROR", {
      zh: "程序向评测系统的私有结果通道写入了数据，结果无法采信。请不要写入标准输出/标准错误以外的文件描述符。",
      en: "The program wrote to the grader's private result channel, so its result cannot be trusted. Do not write to file descriptors other than stdout and stderr.",
    }, `channel-tampered: ${reading.kind === "tampered" ? reading.reason : "the channel was closed or replaced"}`);
  }
  const stderrText = (output: KeptOutput) => Buffer.concat([output.head, output.tail]).toString("utf8");
  if (stderrText(outcome.stderr).includes("MemoryError")) {
    return synthesized(base, "MEMORY_LIMIT", { zh: `程序使用的内存超过了 ${limits.memoryMb} MB 的上限。`, en: `The program used more than ${limits.memoryMb} MB of memory.` }, "memory");
  }
  if (outcome.signal) {
    return synthesized(base, "RUNTIME_ERROR", {
      zh: `程序被信号 ${outcome.signal} 终止（例如段错误或被自己杀死）。`,
      en: `The program was killed by signal ${outcome.signal} (a crash, or it killed itself).`,
    }, "signal");
  }
  return synthesized(base, "GRADER_ERROR", {
    zh: "评测系统没有收到结果（内部错误），将自动重试。",
    en: "The grader received no result (internal error); it will be retried.",
  }, `no-result: exit ${outcome.exitCode}`);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
