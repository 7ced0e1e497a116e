/**
 * Golden tests: every folder of grader/golden/ holds a submission, a
 * case.json (the CLI command, hand-written expectations, a note) and, for
 * every case whose result does not depend on the machine, expected.json
 * (the whole result document, volatile fields removed). Each case runs
 * through the CLI's code path. A case without its expected.json fails: the
 * test never writes the file it compares against. `UPDATE_GOLDEN=1` (and
 * only that) rewrites them; review the diff before committing it.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { cpuMarginProblems } from "../lib/content/check-content";
import { goldenCases, gradeCase, isMachineDependent, normalize } from "./golden-cases";

const cases = goldenCases();

// Real CPU work (process pools, CPU-bound loops) takes what the machine gives it: a wide timeout.
describe.concurrent("golden results", { timeout: 120_000 }, () => {
  test.each(cases.map((golden) => [golden.name, golden] as const))("%s", async (name, golden) => {
    const { spec, command, directory } = golden;
    const result = await gradeCase(golden);
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
    // Every CPU judgement clears its threshold four times over (the verdict holds on any machine).
    expect(cpuMarginProblems(name, result)).toEqual([]);
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
