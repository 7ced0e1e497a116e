/**
 * CPU judgements do not depend on the machine: CPU work is counted in units
 * of a reference loop timed at the start of every grading (grader/contract.json "cpu"), so a machine
 * four times faster or slower counts the same. Here the calibration itself
 * is scaled by ¼ and by 4, as if the reference loop had run four times
 * faster or slower than the program: every verdict, every test, every CPU
 * stretch must stay as it is.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import type { TGradingResult } from "./result";
import { loadExercise, runHarness, type HarnessJob } from "./run-harness";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const golden = (name: string) => path.join(root, "grader", "golden", name, "submission.py");
const cpuOffTheLoop = (file: string) => path.join(root, "exercises", "asyncio", "06-blocking-threads-processes", "cpu-off-the-loop", file);

/** What a CPU judgement decides: the verdict, each test, and which steps blocked the loop. */
function judgement(result: TGradingResult) {
  return {
    verdict: result.verdict,
    elapsed: result.elapsed,
    tests: result.tests.map((entry) => [entry.id, entry.status, entry.misconception]),
    cpuStretches: (result.trace?.blocking ?? []).filter((entry) => entry.call === "cpu").map((entry) => entry.task),
  };
}

const cases: [string, () => Promise<HarnessJob>][] = [
  ["two CPU-bound coroutines under gather (seed 001)", async () => ({ mode: "run", submissionPath: golden("seed001-cpu-bound") })],
  // Real CPU work, three gradings at once: room in real time on a loaded machine.
  ["a process pool beside CPU-bound coroutines", async () => ({ mode: "run", submissionPath: golden("process-pool-cpu"), limits: { wallSeconds: 120 } })],
  ["1000 tasks created in one step (no stretch)", async () => ({ mode: "run", submissionPath: golden("seed001-semaphore-1000") })],
  [
    "cpu-off-the-loop: the reference solution",
    async () => ({ mode: "grade", submissionPath: cpuOffTheLoop("solution.py"), exercise: await loadExercise("cpu-off-the-loop") }),
  ],
  [
    "cpu-off-the-loop: the CPU work in coroutines",
    async () => ({ mode: "grade", submissionPath: cpuOffTheLoop("wrong/cpu-in-coroutines.py"), exercise: await loadExercise("cpu-off-the-loop") }),
  ],
];

describe.concurrent("the same CPU judgements with the calibration scaled", { timeout: 120_000 }, () => {
  test.each(cases)("%s", async (_name, makeJob) => {
    const job = await makeJob();
    const [plain, faster, slower] = await Promise.all([
      runHarness(job),
      runHarness({ ...job, calibrationScale: 0.25 }),
      runHarness({ ...job, calibrationScale: 4 }),
    ]);
    expect(plain.verdict).not.toBe("GRADER_ERROR");
    expect(judgement(faster)).toEqual(judgement(plain));
    expect(judgement(slower)).toEqual(judgement(plain));
    // The scale was applied: one unit stood for a quarter, or four times, the CPU time.
    // (Each grading calibrates afresh, so the figures vary a little; the factor is 4.)
    const unit = (result: TGradingResult) => result.cpuWork?.unitNs ?? Number.NaN;
    expect(unit(plain)).toBeGreaterThan(0);
    expect(unit(faster)).toBeLessThan(unit(plain) / 2);
    expect(unit(slower)).toBeGreaterThan(unit(plain) * 2);
  });
});
