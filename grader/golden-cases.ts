/**
 * The golden cases of grader/golden/ (see golden.test.ts): their format,
 * how one is graded, and what of a result is compared with expected.json.
 * Shared by the golden test and the throttled test.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { parseArguments } from "./cli";
import type { TGradingResult } from "./result";
import { loadExercise, runHarness, type RunOptions } from "./run-harness";
import { ZLimits } from "./sandbox/limits";

export const goldenDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), "golden");

export const ZCase = z.object({
  command: z.array(z.string()).min(2),
  note: z.string().optional(),
  /** A folder of the case holding a fixture exercise (exercise.json + tests.py) that `grade` looks up instead of exercises/. */
  exerciseRoot: z.string().optional(),
  traceInGolden: z.boolean().default(true),
  /** Limits of the case's run (a case of real CPU work needs more real time at the throttled test's 25 % quota). */
  limits: ZLimits.partial().strict().optional(),
  expect: z.object({
    verdict: z.string().optional(),
    score: z.number().optional(),
    elapsed: z.number().optional(),
    elapsedApprox: z.tuple([z.number(), z.number()]).optional(),
    stdout: z.string().optional(),
    stdoutIncludes: z.array(z.string()).optional(),
    stderrIncludes: z.array(z.string()).optional(),
    peakInFlight: z.number().optional(),
    neverAwaited: z.array(z.string()).optional(),
    blocking: z.number().optional(),
    failed: z.record(z.string(), z.string()).optional(),
    cpuSerial: z.array(z.string()).optional(),
  }),
});

/** Drop what changes from run to run or machine to machine. */
export function normalize(result: TGradingResult, keepTrace: boolean): unknown {
  // Object addresses in reprs printed by the student ("object at 0x7f…").
  // Timings and CPU work are measured, machine-dependent figures.
  const { timings: _timings, cpuWork: _cpuWork, ...rest } = JSON.parse(JSON.stringify(result).replace(/0x[0-9a-f]{6,16}/g, "0x…")) as TGradingResult;
  const trace = rest.trace;
  if (!trace) return rest;
  if (!keepTrace) {
    return {
      ...rest,
      trace: {
        elapsed: trace.elapsed,
        tasks: trace.tasks.length,
        peakInFlight: trace.peakInFlight,
        blocking: trace.blocking.map((entry) => entry.call),
        neverAwaited: trace.neverAwaited,
        truncated: trace.truncated,
      },
    };
  }
  const withoutReal = (entry: Record<string, unknown>) => {
    const { realMs: _realMs, work: _work, ...kept } = entry;
    return kept;
  };
  return { ...rest, trace: { ...trace, blocking: trace.blocking.map(withoutReal), events: trace.events.map(withoutReal) } };
}

/** Cases whose durations are real time or measured CPU: they have hand-written expectations only. */
export function isMachineDependent(command: string[]): boolean {
  return command.includes("wall") || command.includes("charged");
}


export type GoldenCase = { name: string; directory: string; spec: z.infer<typeof ZCase>; command: string[] };

export function goldenCases(): GoldenCase[] {
  return readdirSync(goldenDirectory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const directory = path.join(goldenDirectory, name);
      const spec = ZCase.parse(JSON.parse(readFileSync(path.join(directory, "case.json"), "utf8")));
      const command = spec.command.map((argument) => (argument.endsWith(".py") ? path.join(directory, argument) : argument));
      return { name, directory, spec, command };
    });
}

/** Grades a case the way the CLI does (a fixture exercise where the case names one). */
export async function gradeCase(golden: GoldenCase, options: RunOptions = {}): Promise<TGradingResult> {
  const { spec, command, directory } = golden;
  if (spec.exerciseRoot && command[0] === "grade" && command.length === 3) {
    return runHarness(
      {
        mode: "grade",
        submissionPath: command[2] ?? "",
        exercise: await loadExercise(command[1] ?? "", path.join(directory, spec.exerciseRoot)),
        ...(spec.limits ? { limits: spec.limits } : {}),
      },
      options,
    );
  }
  const { job } = await parseArguments(command);
  return runHarness(spec.limits ? { ...job, limits: spec.limits } : job, options);
}
