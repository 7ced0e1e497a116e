/**
 * Runs one grading (or one program run) in the sandbox (grader/spawn.ts) and
 * returns the parsed result document (grader/CONTRACT.md).
 *
 * What the sandbox receives is the job on standard input: the submission's
 * text, the clock model and limits, and in grade mode the exercise's tests
 * and scenarios *as text* (no file of the grader's is mounted in the run).
 * Inside, the judge reads it; the student's processes never do.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ZExerciseFile as ZExerciseContentFile } from "../lib/content/schemas";
import type { KeptOutput } from "./output";
import { RESULT_VERSION, ZHarnessDocument, type TGradingResult, type THarnessDocument, type TText, type TVerdict } from "./result";
import { DEFAULT_LIMITS, describeLimit, type StoppedBy, type TLimits } from "./sandbox/limits";
import { defaultSpawner, type Spawner } from "./spawn";

export { PYTHON } from "./sandbox/sandbox";
export { SandboxUnavailableError, UNSANDBOXED_FLAG } from "./spawn";
export { DEFAULT_LIMITS, type TLimits } from "./sandbox/limits";
const graderDirectory = path.dirname(fileURLToPath(import.meta.url));
export const EXERCISES_ROOT = path.resolve(graderDirectory, "..", "exercises");

/**
 * The fields of exercise.json that grading reads. The format itself is
 * lib/content/schemas.ts (one schema for loader, check and grader); grading
 * ignores the other fields, so an exercise whose hints are mid-edit still
 * grades (`npm run content:check` holds the whole file to the format).
 */
export const ZGradingSettings = ZExerciseContentFile.pick({
  id: true,
  slug: true,
  clock: true,
  cpu: true,
  limits: true,
  io: true,
}).loose();
export type TGradingSettings = z.infer<typeof ZGradingSettings>;

/**
 * Everything a grading of one exercise needs, and nothing else (never the
 * reference or known-wrong solutions): what the worker reads from the
 * synced content (lib/content/sync-content.ts) and the CLI from exercises/.
 */
export type GradingMaterial = {
  id: string;
  slug: string;
  settings: TGradingSettings;
  /** tests.py: read by the judge only. */
  tests: string;
  /** scenarios.py: code that drives the submission from inside its process (visible to it). */
  scenarios: string | null;
};

export type LoadedExercise = GradingMaterial & {
  directory: string;
  solutionPath: string;
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

async function readExerciseSettings(file: string): Promise<TGradingSettings | null> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return null; // an exercise being edited must not stop every other one from grading
  }
  const parsed = ZGradingSettings.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The grading material of an exercise folder (exercise.json, tests.py, scenarios.py). */
export async function readGradingMaterial(directory: string): Promise<LoadedExercise | null> {
  const settings = await readExerciseSettings(path.join(directory, "exercise.json"));
  if (!settings) return null;
  const tests = await readFile(path.join(directory, "tests.py"), "utf8").catch(() => null);
  if (tests === null) return null;
  const scenarios = await readFile(path.join(directory, "scenarios.py"), "utf8").catch(() => null);
  return { id: settings.id, slug: settings.slug, settings, tests, scenarios, directory, solutionPath: path.join(directory, "solution.py") };
}

/**
 * Where each exercise was last found (root, then id or slug → its folder).
 * The files are read afresh every time, so an edited exercise grades with
 * its edits; only a moved one costs another search.
 */
const exerciseFolders = new Map<string, string>();

/** Find an exercise by uuid or slug under exercises/. */
export async function loadExercise(idOrSlug: string, root = EXERCISES_ROOT): Promise<LoadedExercise> {
  const key = `${root}\0${idOrSlug}`;
  const known = exerciseFolders.get(key);
  if (known) {
    const exercise = await readGradingMaterial(known);
    if (exercise && (exercise.id === idOrSlug || exercise.slug === idOrSlug)) return exercise;
    exerciseFolders.delete(key);
  }
  for (const file of await findExerciseFiles(root, 4)) {
    const settings = await readExerciseSettings(file);
    if (!settings || (settings.id !== idOrSlug && settings.slug !== idOrSlug)) continue;
    const exercise = await readGradingMaterial(path.dirname(file));
    if (!exercise) continue;
    exerciseFolders.set(key, path.dirname(file));
    return exercise;
  }
  throw new GraderUsageError(`No exercise with id or slug "${idOrSlug}" under ${root}`);
}

// ----- the result channel -----------------------------------------------------------------------

export type ChannelReading = { kind: "document"; document: THarnessDocument } | { kind: "missing" } | { kind: "malformed"; reason: string };

/**
 * The judge's one frame `AWAITABLE-RESULT <version> <length>\n<json>\n`. Only
 * the judge holds the channel (the student's processes never had it), so a
 * frame that does not parse is the grader's fault.
 */
export function readChannel(channel: Buffer): ChannelReading {
  if (channel.length === 0) return { kind: "missing" };
  const newline = channel.indexOf(0x0a);
  if (newline < 0) return { kind: "malformed", reason: "no frame header" };
  const header = channel.subarray(0, newline).toString("latin1");
  const match = /^AWAITABLE-RESULT (\d+) (\d+)$/.exec(header);
  if (!match) return { kind: "malformed", reason: "malformed frame header" };
  const [, version, length] = match;
  if (Number(version) !== RESULT_VERSION) return { kind: "malformed", reason: `unknown version ${version}` };
  const bodyLength = Number(length);
  if (channel.length !== newline + 1 + bodyLength + 1 || channel[channel.length - 1] !== 0x0a) {
    return { kind: "malformed", reason: "frame length does not match" };
  }
  let json: unknown;
  try {
    json = JSON.parse(channel.subarray(newline + 1, newline + 1 + bodyLength).toString("utf8"));
  } catch {
    return { kind: "malformed", reason: "frame body is not JSON" };
  }
  const parsed = ZHarnessDocument.safeParse(json);
  if (!parsed.success) return { kind: "malformed", reason: `frame body does not match the schema: ${parsed.error.message.slice(0, 300)}` };
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
  /** The program: a file, or its text (named `submission.py`, or `submissionName`). */
  submissionPath?: string;
  submissionCode?: string;
  submissionName?: string;
  clock?: "virtual" | "wall";
  cpu?: "free" | "charged";
  limits?: Partial<TLimits>;
  /** grade: the exercise graded against. run: the exercise whose clock, CPU model, limits and fake I/O the program runs with (none: the defaults, as for a lesson's sample). */
  exercise?: GradingMaterial;
  /** Tests only: CPU work counted as on a machine this many times faster (grader/CONTRACT.md, "CPU time"). */
  calibrationScale?: number;
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
    tampering: [],
    cpuWork: null,
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
    error: { type, message: message.en, line: null, column: null, traceback: "" },
  };
}

/** The result of a grading that never produced one of its own: our fault, never the student's. */
export function graderErrorResult(message: TText, type: string, sandboxed: boolean): TGradingResult {
  const document = synthesized(emptyDocument({ mode: "grade" }, "virtual", "free"), "GRADER_ERROR", message, type);
  return { ...document, stdout: "", stderr: "", outputTruncated: { stdout: false, stderr: false }, sandboxed };
}

async function submissionOf(job: HarnessJob): Promise<{ name: string; source: string }> {
  if ((job.submissionPath === undefined) === (job.submissionCode === undefined)) {
    throw new GraderUsageError("a harness job takes either submissionPath or submissionCode");
  }
  if (job.submissionPath !== undefined) {
    return { name: job.submissionName ?? path.basename(job.submissionPath), source: await readFile(job.submissionPath, "utf8") };
  }
  return { name: job.submissionName ?? "submission.py", source: job.submissionCode ?? "" };
}

function judgeExercise(mode: HarnessJob["mode"], exercise: GradingMaterial) {
  const named = { id: exercise.id, slug: exercise.slug };
  return mode === "grade" ? { ...named, tests: exercise.tests, scenarios: exercise.scenarios } : named;
}

export async function runHarness(job: HarnessJob, options: RunOptions = {}): Promise<TGradingResult> {
  const spawner = options.spawner ?? (await defaultSpawner());
  const settings = job.exercise?.settings;
  const clock = job.clock ?? settings?.clock ?? "virtual";
  const cpu = job.cpu ?? settings?.cpu ?? "free";
  const limits: TLimits = { ...DEFAULT_LIMITS, ...settings?.limits, ...job.limits };
  const judgeJob = {
    mode: job.mode,
    submission: await submissionOf(job),
    clock,
    cpu,
    limits,
    io: settings?.io ?? null,
    // A program run (the editor's Run) takes the exercise's settings only: its tests and scenarios stay out.
    exercise: job.exercise ? judgeExercise(job.mode, job.exercise) : null,
    ...(job.calibrationScale ? { calibrationScale: job.calibrationScale } : {}),
    // Development only: the judge logs every message it receives to the run's stderr.
    ...(process.env.AWAITABLE_JUDGE_DEBUG === "1" ? { debug: true } : {}),
  };
  const { virtualSeconds: _virtualSeconds, ...sandboxLimits } = limits;
  const outcome = await spawner.spawn({
    kind: "grade",
    stdin: `${JSON.stringify(judgeJob)}\n`,
    runtime: { clock, cpu },
    limits: {
      ...sandboxLimits,
      // The judge stops the student's output at outputKb and reports
      // OUTPUT_LIMIT itself; the sandbox kills only a run far past it.
      outputKb: limits.outputKb * 2 + 64,
      // The judge stops a run at the wall limit itself (and says which
      // test); the sandbox kills only a run that goes on regardless.
      wallSeconds: limits.wallSeconds + 2,
    },
  });
  const reading = readChannel(outcome.channel);
  const base = emptyDocument(job, clock, cpu);
  const limitMessage = (stoppedBy: StoppedBy): TText => describeLimit(stoppedBy, sandboxLimits);
  let document: THarnessDocument;
  if (outcome.limitExceeded === "memory" || outcome.limitExceeded === "processes") {
    // The cgroup's limits are for the run as a whole: the judge saw one of
    // its student's processes die; the sandbox knows why.
    const verdict: TVerdict = outcome.limitExceeded === "memory" ? "MEMORY_LIMIT" : "RUNTIME_ERROR";
    const kind = outcome.limitExceeded === "memory" ? "memory-limit" : "process-limit";
    // The judge's tests stand (the one whose process was killed failed); with
    // no document from the judge, nothing passed.
    document = synthesized(reading.kind === "document" ? reading.document : base, verdict, limitMessage(outcome.limitExceeded), kind);
    if (job.mode === "grade" && reading.kind !== "document") document.score = 0;
  } else if (reading.kind === "document") {
    document = reading.document;
  } else if (outcome.limitExceeded === "wall") {
    document = synthesized(base, "TIME_LIMIT", limitMessage("wall"), "wall-time-limit");
  } else if (outcome.limitExceeded === "output") {
    document = synthesized(base, "OUTPUT_LIMIT", limitMessage("output"), "output-limit");
  } else {
    const detail = reading.kind === "malformed" ? reading.reason : `exit ${outcome.exitCode ?? outcome.signal}`;
    document = synthesized(base, "GRADER_ERROR", {
      "zh-CN": "评测系统没有收到结果（内部错误），将自动重试。",
      en: "The grader received no result (internal error); it will be retried.",
    }, `no-result: ${detail}`);
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

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The exit status the judge uses when it could not write a result (grader/contract.json). */
export { EXIT_CODES } from "./contract";
