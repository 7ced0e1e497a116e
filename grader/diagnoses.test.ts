// Diagnoses the judge makes from what it observed (issue 11), graded in the
// real sandbox: an exception re-raised by asyncio.gather is said to be, and
// one that was not is not; an un-awaited gather is a missing await.
import { beforeAll, expect, it } from "vitest";
import { loadExercise, runHarness, type LoadedExercise } from "./run-harness";

let exercise: LoadedExercise;
beforeAll(async () => {
  exercise = await loadExercise("gather-three-users");
});
const grade = (code: string) => runHarness({ mode: "grade", submissionCode: code, exercise });
const getUser = (failing: string) =>
  `import asyncio\n\n\nasync def get_user(user_id):\n    await asyncio.sleep(0.5)\n    ${failing}\n    return f"user_{user_id}"\n`;

it("says that gather re-raised an exception, on which line, and what return_exceptions=True changes", async () => {
  const code = `${getUser('if user_id == 2:\n        raise RuntimeError("user 2 failed")')}\n\nasync def main():\n    results = await asyncio.gather(get_user(1), get_user(2), get_user(3))\n    return results\n`;
  const result = await grade(code);
  const test = result.tests.find((entry) => entry.id === "result")!;
  expect(test.status).toBe("error");
  expect(test.misconception).toBe("exception");
  expect(test.message?.en).toContain("RuntimeError: user 2 failed");
  expect(test.message?.en).toContain("asyncio.gather on line 12");
  expect(test.message?.en).toContain("return_exceptions=True");
  expect(test.message?.["zh-CN"]).toContain("第 12 行的 asyncio.gather");
});

it("does not mention gather for an exception that did not come through it", async () => {
  const code = `${getUser('if user_id == 2:\n        raise RuntimeError("user 2 failed")')}\n\nasync def main():\n    return [await get_user(1), await get_user(2), await get_user(3)]\n`;
  const test = (await grade(code)).tests.find((entry) => entry.id === "result")!;
  expect(test.status).toBe("error");
  expect(test.message?.en).toContain("RuntimeError: user 2 failed");
  expect(test.message?.en).not.toContain("gather");
});

it("reports an un-awaited gather as a missing await", async () => {
  const code = `${getUser("pass")}\n\nasync def main():\n    return asyncio.gather(get_user(1), get_user(2), get_user(3))\n`;
  const test = (await grade(code)).tests.find((entry) => entry.id === "result")!;
  expect(test.status).toBe("failed");
  expect(test.misconception).toBe("missing-await");
  expect(test.message?.en).toContain("_GatheringFuture");
  expect(test.message?.en).toContain("awaited");
});
