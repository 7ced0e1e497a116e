/**
 * Golden tests: every folder of grader/golden/ holds a submission, a
 * case.json (the CLI command, hand-written expectations, a note) and, for
 * every case whose result does not depend on the machine, expected.json
 * (the whole result document, volatile fields removed). Each case runs
 * through the CLI's code path. A case without its expected.json fails: the
 * test never writes the file it compares against. `UPDATE_GOLDEN=1` (and
 * only that) rewrites them; review the diff before committing it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { executeCommand } from "./cli";
import { loadExercise, runHarness } from "./run-harness";
import type { TGradingResult } from "./result";

const goldenDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), "golden");

const ZCase = z.object({
  command: z.array(z.string()).min(2),
  note: z.string().optional(),
  /** A folder of the case holding a fixture exercise (exercise.json + tests.py) that `grade` looks up instead of exercises/. */
  exerciseRoot: z.string().optional(),
  traceInGolden: z.boolean().default(true),
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
  const { timings: _timings, ...rest } = JSON.parse(JSON.stringify(result).replace(/0x[0-9a-f]{6,16}/g, "0x…")) as TGradingResult;
  const trace = rest.trace;
  if (!trace) return rest;
  delete trace.maxStepWork; // CPU work: measured, machine-dependent
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

const cases = readdirSync(goldenDirectory, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe.concurrent("golden results", () => {
  test.each(cases)("%s", async (name) => {
    const directory = path.join(goldenDirectory, name);
    const spec = ZCase.parse(JSON.parse(readFileSync(path.join(directory, "case.json"), "utf8")));
    const command = spec.command.map((argument) => (argument.endsWith(".py") ? path.join(directory, argument) : argument));
    const { result } =
      spec.exerciseRoot && command[0] === "grade" && command.length === 3
        ? {
            result: await runHarness({
              mode: "grade",
              submissionPath: command[2] ?? "",
              exercise: await loadExercise(command[1] ?? "", path.join(directory, spec.exerciseRoot)),
            }),
          }
        : await executeCommand([...command, "--json"]);
    const expected = spec.expect;
    if (expected.verdict) expect(result.verdict, result.message?.en).toBe(expected.verdict);
    if (expected.score !== undefined) expect(result.score).toBe(expected.score);
    if (expected.elapsed !== undefined) expect(Math.abs((result.elapsed ?? Number.NaN) - expected.elapsed)).toBeLessThan(0.001);
    if (expected.elapsedApprox) {
      const [value, tolerance] = expected.elapsedApprox;
      expect(Math.abs((result.elapsed ?? Number.NaN) - value)).toBeLessThan(tolerance);
    }
    if (expected.stdout !== undefined) expect(result.stdout).toBe(expected.stdout);
    for (const text of expected.stdoutIncludes ?? []) expect(result.stdout).toContain(text);
    for (const text of expected.stderrIncludes ?? []) expect(result.stderr).toContain(text);
    if (expected.peakInFlight !== undefined) expect(result.trace?.peakInFlight).toBe(expected.peakInFlight);
    if (expected.neverAwaited) expect(result.trace?.neverAwaited).toEqual(expected.neverAwaited);
    if (expected.blocking !== undefined) expect(result.trace?.blocking.length).toBe(expected.blocking);
    for (const [testId, misconception] of Object.entries(expected.failed ?? {})) {
      const testResult = result.tests.find((candidate) => candidate.id === testId);
      expect(testResult?.status, testId).toBe("failed");
      expect(testResult?.misconception, testId).toBe(misconception);
    }
    if (expected.cpuSerial) {
      const stretches = (result.trace?.blocking ?? []).filter((entry) => entry.call === "cpu");
      expect(stretches.map((entry) => (entry.label ?? "").split("(")[0])).toEqual(expected.cpuSerial);
      expect(new Set(stretches.map((entry) => entry.task)).size).toBe(stretches.length);
      const events = result.trace?.events ?? [];
      const firstEnd = events.findIndex((event) => event.kind === "end" && event.task === stretches[0]?.task);
      const secondBlocking = events.findIndex((event) => event.kind === "blocking" && event.task === stretches[1]?.task);
      expect(firstEnd).toBeGreaterThanOrEqual(0);
      expect(secondBlocking).toBeGreaterThan(firstEnd);
    }
    const normalized = normalize(result, spec.traceInGolden);
    const goldenFile = path.join(directory, "expected.json");
    // Wall-clock and CPU-charged durations depend on the machine: no snapshot.
    if (isMachineDependent(command)) return;
    if (process.env.UPDATE_GOLDEN === "1") {
      writeFileSync(goldenFile, `${JSON.stringify(normalized, null, 2)}\n`);
      return;
    }
    expect(existsSync(goldenFile), `${name}: expected.json is missing (write it with UPDATE_GOLDEN=1 and review it)`).toBe(true);
    expect(normalized).toEqual(JSON.parse(readFileSync(goldenFile, "utf8")));
  });
});
