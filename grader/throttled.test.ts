/**
 * No verdict depends on the machine's load: with every run held to a
 * quarter of a CPU (its slot's cgroup CPU quota at 25 %), every golden case
 * gives its expected.json exactly, and every exercise's reference, starter
 * and known-wrong solutions give the same verdicts, tests, misconceptions
 * and durations as unthrottled. Real-time grace periods (the judge's
 * deadlock watch) must hold; CPU judgements are in calibrated units.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadContent } from "../lib/content/load-content";
import { EXERCISES_ROOT, readGradingMaterial, runHarness } from "./run-harness";
import { goldenCases, gradeCase, isMachineDependent, normalize } from "./golden-cases";
import type { TGradingResult } from "./result";
import { SandboxPool, checkSandbox } from "./sandbox/sandbox";
import { sandboxedSpawner, type Spawner } from "./spawn";

const QUOTA_PERCENT = 25;
const pool = new SandboxPool(4, { cpuPercent: QUOTA_PERCENT });
let throttledPeriods = 0;
const inner = sandboxedSpawner(pool);
const throttled: Spawner = {
  sandboxed: true,
  spawn: async (request) => {
    const outcome = await inner.spawn(request);
    throttledPeriods += outcome.cpuThrottledPeriods ?? 0;
    return outcome;
  },
};

/** What must not change: verdict, score, each test's status, misconception and duration, the elapsed time. */
function judgement(result: TGradingResult) {
  return {
    verdict: result.verdict,
    score: result.score,
    elapsed: result.elapsed,
    tests: result.tests.map((entry) => [entry.id, entry.status, entry.misconception, entry.duration]),
  };
}

describe("with every run held to a quarter of a CPU", { timeout: 600_000 }, () => {
  test("the sandbox can hold a run to a CPU quota here", async () => {
    expect((await checkSandbox(pool)).ok).toBe(true);
  });

  test.concurrent.each(goldenCases().filter((golden) => !isMachineDependent(golden.command)).map((golden) => [golden.name, golden] as const))(
    "golden %s: its expected.json, exactly",
    async (_name, golden) => {
      const result = await gradeCase(golden, { spawner: throttled });
      const expected = JSON.parse(readFileSync(path.join(golden.directory, "expected.json"), "utf8")) as unknown;
      expect(normalize(result, golden.spec.traceInGolden)).toEqual(expected);
    },
  );

  test("every exercise: the same judgements as unthrottled", async () => {
    const content = await loadContent(EXERCISES_ROOT);
    const jobs: { label: string; exercise: NonNullable<Awaited<ReturnType<typeof readGradingMaterial>>>; file: string }[] = [];
    for (const course of content.courses) {
      for (const chapter of course.chapters) {
        for (const item of chapter.items) {
          if (item.kind !== "EXERCISE") continue;
          const exercise = await readGradingMaterial(item.directory);
          if (!exercise) throw new Error(`${item.slug}: no grading material`);
          const solutions = [...item.definition.correctSolutions, ...item.definition.wrongSolutions].map((solution) => solution.file);
          for (const file of ["solution.py", "starter.py", ...solutions]) {
            jobs.push({ label: `${item.slug}/${file}`, exercise, file: path.join(item.directory, file) });
          }
        }
      }
    }
    expect(jobs.length).toBeGreaterThan(50);
    const differences: string[] = [];
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < jobs.length; index = next++) {
        const job = jobs[index]!;
        const [slow, normal] = await Promise.all([
          runHarness({ mode: "grade", submissionPath: job.file, exercise: job.exercise }, { spawner: throttled }),
          runHarness({ mode: "grade", submissionPath: job.file, exercise: job.exercise }),
        ]);
        const [a, b] = [JSON.stringify(judgement(slow)), JSON.stringify(judgement(normal))];
        if (a !== b) differences.push(`${job.label}:\n  throttled   ${a}\n  unthrottled ${b}`);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    expect(differences).toEqual([]);
    // The quota was really in force.
    expect(throttledPeriods).toBeGreaterThan(0);
  });
});
