import { describe, expect, it } from "vitest";
import { isRunnableSample } from "./runnable-sample";

describe("runnable lesson samples", () => {
  it("runs Python programs that start a loop, not fragments, comments or other languages", () => {
    expect(isRunnableSample("import asyncio\n\nasync def main():\n    pass\n\nasyncio.run(main())", "python")).toBe(true);
    expect(isRunnableSample("if __name__ == '__main__':\n    asyncio.run(main())", "py")).toBe(true);
    expect(isRunnableSample("async def main():\n    await asyncio.sleep(1)", "python")).toBe(false);
    expect(isRunnableSample("# asyncio.run(main()) would start it", "python")).toBe(false);
    expect(isRunnableSample("asyncio.run(main())", "text")).toBe(false);
  });
});
