import { describe, expect, it } from "vitest";
import { fillBlanks, normalizeOutput, questionKeyProblems, type LoadedContent } from "./load-content";
import { isUncovered, seedCoverage } from "./seed-coverage";
import { ZQuestion } from "./schemas";

const text = (en: string) => ({ "zh-CN": en, en });
const common = {
  id: "5a1d7c3e-0b4f-4e2a-9c8d-000000000001",
  difficulty: 2,
  concepts: ["gather"],
  seeds: [{ seed: "001", section: "5.1" }],
  prompt: text("?"),
  explanation: text("!"),
};
const options = [
  { id: "a", text: text("A") },
  { id: "b", text: text("B") },
];

describe("answer keys", () => {
  it("finds answers that are not option ids, orderings that are not permutations and blank counts that differ", () => {
    const problems = (question: object) => questionKeyProblems(ZQuestion.parse({ ...common, ...question }));
    expect(problems({ kind: "single_choice", options, answer: "a" })).toEqual([]);
    expect(problems({ kind: "single_choice", options, answer: "c" })).toEqual([{ path: "answer", message: expect.stringMatching(/not an option id/) }]);
    expect(problems({ kind: "multiple_choice", options, answer: ["a", "a", "z"] }).map((problem) => problem.path)).toEqual(["answer.2", "answer"]);
    expect(problems({ kind: "ordering", items: options, answer: ["a", "a"] })).toEqual([
      { path: "answer", message: expect.stringMatching(/every item id exactly once/) },
    ]);
    expect(problems({ kind: "ordering", items: options, answer: ["b", "a"], checkByRunning: true })).toEqual([
      { path: "code", message: expect.stringMatching(/checkByRunning needs the code/) },
    ]);
    expect(problems({ kind: "fill_blank", code: "await ____(____)", answer: [["asyncio.sleep"]] })).toEqual([
      { path: "answer", message: "the code has 2 blank(s) (____) but answer lists 1" },
    ]);
    expect(problems({ kind: "predict_output", code: "print(1)", answer: "1\n", options: [{ id: "a", output: "1" }, { id: "b", output: "2" }] })).toEqual([]);
    expect(problems({ kind: "predict_output", code: "print(1)", answer: "1", options: [{ id: "a", output: "2" }] })).toEqual([
      { path: "options", message: "no option's output equals the answer" },
    ]);
  });

  it("fills blanks with the canonical answers and compares outputs without trailing whitespace", () => {
    expect(fillBlanks("await ____(____)", [["asyncio.sleep", "sleep"], ["1"]])).toBe("await asyncio.sleep(1)");
    expect(normalizeOutput("a  \r\nb\n\n")).toBe("a\nb");
  });
});

describe("seed coverage", () => {
  it("counts a section covered by its sub-sections, and flags teaching sections with nothing", () => {
    const content = {
      courses: [
        {
          slug: "asyncio",
          seeds: [
            {
              seed: "001",
              title: "seed",
              sections: [
                { id: "5", title: "five", teaches: true },
                { id: "5.1", title: "cancel", teaches: true },
                { id: "5.2", title: "wait_for", teaches: true },
                { id: "9", title: "summary", teaches: false },
              ],
            },
          ],
          chapters: [{ items: [{ slug: "cancel-it", kind: "EXERCISE", definition: { seeds: [{ seed: "001", section: "5.1" }] } }] }],
        },
      ],
      questions: [],
      errors: [],
      warnings: [],
    } as unknown as LoadedContent;
    const rows = seedCoverage(content);
    expect(rows.map((row) => [row.section, row.items, row.coveredVia, isUncovered(row)])).toEqual([
      ["5", [], ["5.1"], false],
      ["5.1", ["cancel-it (exercise)"], [], false],
      ["5.2", [], [], true],
      ["9", [], [], false],
    ]);
  });
});
