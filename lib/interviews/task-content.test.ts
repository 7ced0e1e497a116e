import { describe, expect, it } from "vitest";
import { conceptsOf, isUntouched, promptOf, starterOf } from "./task-content";

const content = {
  prompt: { "zh-CN": "写一个限流版 gather", en: "Write a rate-limited gather" },
  starter: { "zh-CN": "import asyncio\n# 中文\n", en: "import asyncio\n# English\n" },
  concepts: ["semaphore", "gather"],
  reference: "the solution",
  hints: [{ "zh-CN": "提示", en: "hint" }],
};

describe("a task's content", () => {
  it("gives its prompt, starter and concepts, never its reference or hints", () => {
    expect(promptOf(content)).toEqual(content.prompt);
    expect(starterOf(content)).toEqual(content.starter);
    expect(conceptsOf(content)).toEqual(["semaphore", "gather"]);
    expect(JSON.stringify([promptOf(content), starterOf(content)])).not.toMatch(/solution|hint|提示/);
  });

  it("reads a starter synced as one string, and falls back to the default starter", () => {
    expect(starterOf({ starter: "print(1)\n" })).toEqual({ "zh-CN": "print(1)\n", en: "print(1)\n" });
    expect(starterOf(null).en).toContain("async def main()");
    expect(promptOf(null)).toEqual({ "zh-CN": "", en: "" });
    expect(conceptsOf({ concepts: "not a list" })).toEqual([]);
  });
});

describe("isUntouched", () => {
  it("is true for empty code and for the starter of either language, give or take surrounding blanks", () => {
    expect(isUntouched("", content)).toBe(true);
    expect(isUntouched("  \n\t\n", content)).toBe(true);
    expect(isUntouched(content.starter.en, content)).toBe(true);
    expect(isUntouched(`\n${content.starter["zh-CN"]}   \n\n`, content)).toBe(true);
    expect(isUntouched(starterOf(null).en, {})).toBe(true);
  });

  it("is false once anything was typed", () => {
    expect(isUntouched(`${content.starter.en}print(1)\n`, content)).toBe(false);
    expect(isUntouched("import asyncio\n# English changed\n", content)).toBe(false);
    expect(isUntouched("pass", content)).toBe(false);
  });
});
