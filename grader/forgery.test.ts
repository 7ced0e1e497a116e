/**
 * The forgery suite: submissions that each try to pass a wrong solution by
 * interfering with grading (grader/forgery/*.py; what each tries is
 * grader/forgery/cases.json's "attack"). Each runs in the real sandbox
 * against a real exercise, beside the honest wrong solution it is built on.
 * None may pass, none may score above its honest counterpart, none may turn
 * a test the honest version fails into a pass, and each fails with a message
 * for the learner. Those that interfere with the grader itself are marked as
 * tampering (score 0, every test "tampering").
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { RESULT_BOUNDS } from "./contract";
import type { TGradingResult } from "./result";
import { loadExercise, runHarness } from "./run-harness";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const forgeryDirectory = path.join(root, "grader", "forgery");

const ZCases = z.record(
  z.string(),
  z.object({ exercise: z.string(), honest: z.string(), tampering: z.boolean(), attack: z.string().min(10) }),
);
const cases = ZCases.parse(JSON.parse(readFileSync(path.join(forgeryDirectory, "cases.json"), "utf8")));

const honestResults = new Map<string, Promise<TGradingResult>>();
const forgedResults = new Map<string, Promise<TGradingResult>>();

function forged(name: string): Promise<TGradingResult> {
  let result = forgedResults.get(name);
  if (!result) {
    result = grade(cases[name]?.exercise ?? "", path.join(forgeryDirectory, `${name}.py`));
    forgedResults.set(name, result);
  }
  return result;
}

async function grade(exerciseSlug: string, file: string): Promise<TGradingResult> {
  return runHarness({ mode: "grade", submissionPath: file, submissionName: "submission.py", exercise: await loadExercise(exerciseSlug) });
}

function honest(exerciseSlug: string, file: string): Promise<TGradingResult> {
  const key = `${exerciseSlug}\0${file}`;
  let result = honestResults.get(key);
  if (!result) {
    result = grade(exerciseSlug, path.join(root, file));
    honestResults.set(key, result);
  }
  return result;
}

describe.concurrent("forged submissions never pass", { timeout: 120_000 }, () => {
  test("the suite has at least 25 forgeries", () => {
    expect(Object.keys(cases).length).toBeGreaterThanOrEqual(25);
  });

  test.each(Object.keys(cases))("%s", async (name) => {
    const spec = cases[name]!;
    const [baseline, result] = await Promise.all([
      honest(spec.exercise, spec.honest),
      forged(name),
    ]);
    expect(baseline.verdict, `the honest counterpart of ${name} must fail on its own`).not.toBe("PASSED");
    expect(result.verdict, result.message?.en).toBe("FAILED");
    expect(result.score ?? 0).toBeLessThanOrEqual(baseline.score ?? 0);
    for (const forgedTest of result.tests) {
      const counterpart = baseline.tests.find((test) => test.id === forgedTest.id);
      if (counterpart && counterpart.status !== "passed") expect(forgedTest.status, `${name}: ${forgedTest.id}`).not.toBe("passed");
    }
    // A message for the learner, in both languages: the run's own, or a failing test's.
    const messages = [result.message, ...result.tests.filter((test) => test.status !== "passed").map((test) => test.message)];
    const message = messages.find((text) => text && text["zh-CN"].length > 10 && text.en.length > 10);
    expect(message, `${name} has no learner-facing message`).toBeDefined();
    if (spec.tampering) {
      expect(result.tampering.length, `${name} should be flagged as tampering`).toBeGreaterThan(0);
      expect(result.score).toBe(0);
      expect(result.tests.every((test) => test.misconception === "tampering")).toBe(true);
      expect(result.message?.en).toMatch(/cannot trust/);
      expect(result.message?.["zh-CN"]).toMatch(/无法信任/);
    }
    // Nothing secret reached the program's output.
    for (const secret of ["from awaitable.testing", "@test(", "def get_user_returns", "SingleFlight(_make_fetch"]) {
      for (const output of [result.stdout, ...result.tests.map((test) => test.stdout)]) expect(output).not.toContain(secret);
    }
  });

  test("a program printing forged frames and floods in every test keeps each test's output within its bounds", async () => {
    const result = await forged("giant-output-frames");
    const { testOutputHeadBytes, testOutputTailBytes } = RESULT_BOUNDS;
    // The note that says how much was left out is the only addition to a test's head and tail.
    const bound = testOutputHeadBytes + testOutputTailBytes + 300;
    expect(result.tests.length).toBeGreaterThan(0);
    for (const test of result.tests) {
      for (const output of [test.stdout, test.stderr]) {
        expect(Buffer.byteLength(output), test.id).toBeLessThanOrEqual(bound);
        expect(output, test.id).toContain("output truncated:");
        // The forged frame is text inside the test's output, nothing more.
        expect(output.startsWith("AWAITABLE-RESULT 2 "), test.id).toBe(true);
      }
    }
    // The document stays small however much was printed (~860 KB here).
    expect(Buffer.byteLength(JSON.stringify(result))).toBeLessThan(1 << 20);
  });
});
