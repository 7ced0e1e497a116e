// Correct solutions in other styles than the reference (issue 11): each must
// pass every test of its exercise. grader/alternatives/<slug>-<style>.py.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadExercise, runHarness } from "./run-harness";

const directory = path.join(path.dirname(fileURLToPath(import.meta.url)), "alternatives");
const slugs = readdirSync(directory).filter((name) => name.endsWith(".py"));

describe("alternative correct solutions", () => {
  it.each(slugs)("%s passes every test", { timeout: 60_000 }, async (file) => {
    const slug = file.replace(/-[a-z]+\.py$/, "");
    const exercise = await loadExercise(slug);
    const result = await runHarness({ mode: "grade", submissionCode: readFileSync(path.join(directory, file), "utf8"), exercise });
    const failing = result.tests.filter((test) => test.status !== "passed").map((test) => `${test.id}: ${test.message?.en}`);
    expect(failing).toEqual([]);
    expect(result.verdict).toBe("PASSED");
  });
});
