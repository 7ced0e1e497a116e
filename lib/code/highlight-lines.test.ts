import { describe, expect, it } from "vitest";
import { codeLanguage, highlightLines } from "./highlight-lines";

describe("highlightLines", () => {
  it("colours Python tokens and keeps every character, line by line", () => {
    const code = 'async def main():\n    # wait\n    await asyncio.sleep(0.5)\n    return "done"\n';
    const lines = highlightLines(code, "python");
    expect(lines.map((tokens) => tokens.map((token) => token.text).join(""))).toEqual(code.trimEnd().split("\n"));
    const classOf = (text: string) => lines.flat().find((token) => token.text === text)?.classes;
    expect(classOf("async")).toBe("tok-keyword");
    expect(classOf("def")).toBe("tok-keyword");
    expect(classOf("main")).toContain("tok-function");
    expect(classOf("# wait")).toBe("tok-comment");
    expect(classOf("await")).toBe("tok-keyword");
    expect(classOf("sleep")).toContain("tok-function");
    expect(classOf("0.5")).toBe("tok-number");
    expect(classOf('"done"')).toBe("tok-string");
  });

  it("colours a string that spans lines on each of its lines", () => {
    const lines = highlightLines('doc = """one\ntwo"""\n', "python");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toEqual([{ text: 'two"""', classes: "tok-string" }]);
  });

  it("leaves plain text uncoloured, with CRLF and a final newline like the diff's lines", () => {
    expect(highlightLines("a\r\n\r\nb\r\n", "text")).toEqual([[{ text: "a", classes: "" }], [], [{ text: "b", classes: "" }]]);
    expect(highlightLines("", "python")).toEqual([]);
  });
});

describe("codeLanguage", () => {
  it("knows Python's fence names and takes anything else as text", () => {
    expect(["python", "py", "Python3", " py "].map(codeLanguage)).toEqual(["python", "python", "python", "python"]);
    expect(["", "js", "pycon", "text", undefined].map(codeLanguage)).toEqual(["text", "text", "text", "text", "text"]);
  });
});
