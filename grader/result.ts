/**
 * The grader's result document (version 2), as the judge reports it and the
 * runner completes it. Nothing that comes out of the sandbox is trusted as
 * typed: it is parsed with these schemas on arrival. grader/CONTRACT.md
 * describes every field; the golden tests in grader/golden/ pin them.
 */
import { z } from "zod";
import { MISCONCEPTIONS, RESULT_VERSION, TEST_STATUSES, VERDICTS } from "./contract";

export { RESULT_VERSION } from "./contract";

export const ZVerdict = z.enum(VERDICTS).describe("Outcome of the whole run; GRADER_ERROR is ours and is retried, never scored");
export type TVerdict = z.infer<typeof ZVerdict>;

export const ZText = z
  .object({ "zh-CN": z.string(), en: z.string() })
  .describe("Learner-facing text, zh-CN first, then en (the one shape of bilingual text)");
export type TText = z.infer<typeof ZText>;

export const ZTestStatus = z.enum(TEST_STATUSES);
export const ZMisconception = z.enum(MISCONCEPTIONS).describe("Machine-readable cause, e.g. sequential, blocking-sleep, tampering");

const ZTime = z.number().describe("Seconds on the run's clock (virtual unless clock is wall)");

export const ZTraceTask = z.object({
  id: z.number().int(),
  name: z.string(),
  coroutine: z.string(),
  label: z.string(),
  parent: z.number().int().nullable(),
  created: ZTime,
  started: ZTime.nullable(),
  ended: ZTime.nullable(),
  outcome: z.enum(["result", "exception", "cancelled"]).nullable(),
  error: z.string().nullable(),
});
export type TTraceTask = z.infer<typeof ZTraceTask>;

export const ZTraceEvent = z
  .object({
    t: ZTime,
    kind: z.enum([
      "create", "start", "suspend", "resume", "end", "blocking", "io-start", "io-end", "output", "warning",
      "thread-start", "thread-end", "job-start", "job-end", "thread-sleep",
    ]),
    task: z.number().int().nullable().optional(),
  })
  .loose()
  .describe("One trace event; extra fields depend on kind (see CONTRACT.md)");
export type TTraceEvent = z.infer<typeof ZTraceEvent>;

export const ZBlockingCall = z
  .object({
    call: z.string().describe("time.sleep, requests.get, cpu, ..."),
    task: z.number().int().nullable(),
    label: z.string().nullable().optional(),
    t: ZTime,
    end: ZTime,
    seconds: z.number().optional(),
    realMs: z.number().optional().describe("Real CPU milliseconds of a cpu stretch (machine-dependent)"),
    work: z.number().optional().describe("The cpu stretch's work in calibrated units (grader/contract.json cpu)"),
    detail: z.string().optional(),
  })
  .loose();

export const ZTrace = z.object({
  elapsed: ZTime,
  tasks: z.array(ZTraceTask),
  threads: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      kind: z.enum(["thread", "executor-job"]),
      started: ZTime,
      ended: ZTime.nullable(),
    }),
  ),
  events: z.array(ZTraceEvent),
  blocking: z.array(ZBlockingCall),
  neverAwaited: z.array(z.string()),
  peakInFlight: z.number().int().nonnegative(),
  truncated: z.boolean(),
});
export type TTrace = z.infer<typeof ZTrace>;


export const ZErrorDetail = z
  .object({
    type: z.string().describe("The exception's class name, or the judge's kind: deadlock, cpu-limit, tampering, ..."),
    message: z.string(),
    line: z.number().int().positive().nullable().describe("The submission's line to mark: the innermost frame of the student's own in the traceback"),
    column: z.number().int().positive().nullable().describe("A syntax error's 1-based column (Python's SyntaxError.offset); else null"),
    traceback: z.string().describe("Trimmed to the submission's own frames and the exception lines; empty for the judge's kinds"),
  })
  .describe("An error as the learner sees it (grader/CONTRACT.md, \"Errors\")");
export type TErrorDetail = z.infer<typeof ZErrorDetail>;

export const ZTestResult = z.object({
  id: z.string().min(1),
  name: ZText,
  status: ZTestStatus,
  weight: z.number().nonnegative(),
  message: ZText.nullable().describe("Why it failed, for the learner; null when passed"),
  misconception: z.string().nullable().describe("Machine-readable cause (grader/contract.json misconceptions), or the author's own code"),
  messageKind: z
    .enum(["exercise", "observed", "measured"])
    .nullable()
    .describe("Where the message comes from: the exercise's own tests, a cause seen in the run, or only measured vs expected"),
  duration: z.number().nullable().describe("Seconds measured on the run's clock in this test"),
  expected: z
    .object({ seconds: z.number().nonnegative(), tolerance: z.number().nonnegative() })
    .nullable()
    .describe("What the test's last duration check expected (t.about): seconds ± tolerance; null when it checks no duration"),
  error: ZErrorDetail.optional().describe("The test's error: the student's exception, a stall or a limit"),
  trace: ZTrace.nullable().describe("The test's last run (the one its duration is measured on), or null if it ran nothing"),
  stdout: z.string().describe("What the student's process printed during this test's runs (head and tail, bounded)"),
  stderr: z.string(),
});
export type TTestResult = z.infer<typeof ZTestResult>;

/** What the program did that the grader cannot trust (grader/CONTRACT.md, "Trust"). */
export const ZTamperingReport = z.object({
  what: z.string().describe("introspection, frames, code, ctypes, import, memory, patch, channel, protocol"),
  detail: z.string(),
  line: z.number().int().nullable(),
});
export type TTamperingReport = z.infer<typeof ZTamperingReport>;

/** What the judge writes on the result channel. */
export const ZHarnessDocument = z.object({
  version: z.literal(RESULT_VERSION),
  mode: z.enum(["run", "grade"]),
  verdict: ZVerdict,
  score: z.number().min(0).max(1).nullable(),
  message: ZText.nullable(),
  clock: z.enum(["virtual", "wall"]),
  cpu: z.enum(["free", "charged"]),
  elapsed: ZTime.nullable(),
  exercise: z.object({ id: z.string(), slug: z.string() }).nullable(),
  tests: z.array(ZTestResult),
  error: ZErrorDetail.nullable(),
  trace: ZTrace.nullable(),
  tampering: z.array(ZTamperingReport).describe("Empty unless the program interfered with grading (then it scores 0)"),
  cpuWork: z
    .object({
      threshold: z.number().positive(),
      quietWork: z.number().nonnegative().describe("The most CPU work of one step below the threshold, over every run"),
      blockingWork: z.number().nonnegative().nullable().describe("The least CPU work of one step at or above it, or null"),
      unitNs: z.number().positive().nullable().describe("Nanoseconds of CPU one unit stood for in this grading (the reference loop's iteration)"),
    })
    .nullable()
    .describe("How far CPU judgements cleared their threshold (calibrated units; machine-dependent figures)"),
  python: z.string(),
  harness: z.string(),
  timings: z.record(z.string(), z.number()).describe("Real milliseconds of the judge's phases"),
});
export type THarnessDocument = z.infer<typeof ZHarnessDocument>;

/** The complete result: the harness's document plus what the runner observed. */
export const ZGradingResult = ZHarnessDocument.extend({
  stdout: z.string().describe("The program's standard output, truncated with a note past the cap"),
  stderr: z.string(),
  outputTruncated: z.object({ stdout: z.boolean(), stderr: z.boolean() }),
  sandboxed: z.boolean().describe("False only in explicit local development (AWAITABLE_UNSANDBOXED=1)"),
  timings: z.record(z.string(), z.number()).describe("Real milliseconds: harness phases plus spawnMs, wallMs"),
});
export type TGradingResult = z.infer<typeof ZGradingResult>;
