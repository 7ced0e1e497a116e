// The stylesheet is shared by every area of the UI and grows by blocks
// appended at its end: a block that loses a closing brace silently nests
// every later rule inside an @media query (a phone's styles only).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const css = readFileSync(path.join(import.meta.dirname, "globals.css"), "utf8").replace(/\/\*[^]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " "));

describe("app/globals.css", () => {
  it("closes every block, and nests rules only inside at-rules", () => {
    const open: string[] = [];
    const problems: string[] = [];
    css.split("\n").forEach((line, index) => {
      for (const [position, character] of [...line].entries()) {
        if (character === "{") {
          const selector = line.slice(0, position).trim();
          if (open.length > 0 && !open.at(-1)!.startsWith("@")) problems.push(`line ${index + 1}: "${selector}" opens inside "${open.at(-1)}"`);
          open.push(selector || open.at(-1) || "");
        } else if (character === "}") {
          if (open.pop() === undefined) problems.push(`line ${index + 1}: a "}" closes nothing`);
        }
      }
      if (open.length > 0 && open[0]!.startsWith("@media") && /^\/\* ── /.test(line.trim())) problems.push(`line ${index + 1}: an area's block starts inside ${open[0]}`);
    });
    expect(problems).toEqual([]);
    expect(open).toEqual([]);
  });
});
