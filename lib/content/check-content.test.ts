/**
 * content:check must catch what it promises to: a wrong solution that passes,
 * one failing with another misconception or with only a measured message, a
 * correct solution that fails, a starter that passes, and quiz keys the code
 * contradicts. Runs the real grader (sandboxed, root) on a
 * small course written to a temporary folder.
 */
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContentByRunning } from "./check-content";
import { formatProblem, loadContent } from "./load-content";

const title = (en: string) => ({ "zh-CN": `中文 ${en}`, en });
const seeds = [{ seed: "001", section: "4.2" }];
const uuid = (last: number) => `5a1d7c3e-0b4f-4e2a-9c8d-${String(last).padStart(12, "0")}`;

const SEQUENTIAL = `import asyncio

async def main():
    await asyncio.sleep(1)
    await asyncio.sleep(1)
`;
const CONCURRENT = `import asyncio

async def main():
    await asyncio.gather(asyncio.sleep(1), asyncio.sleep(1))
`;
const THREE_SLEEPS = `import asyncio

async def main():
    for _ in range(3):
        await asyncio.sleep(1)
`;
const TASKS = `import asyncio

async def main():
    first = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(1)
    await first
`;
const TESTS = `from awaitable.testing import test

@test("fast", zh="约 1 秒", en="about 1 s")
def fast(t):
    run = t.measure(t.function("main", coroutine=True))
    t.about(run, 1, sequential=2)
`;

async function write(root: string, relative: string, body: string | object) {
  const file = path.join(root, "course", relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, typeof body === "string" ? body : JSON.stringify(body, null, 2));
}

function question(id: number, fields: object) {
  return { id: uuid(id), difficulty: 1, concepts: ["gather"], seeds, prompt: title("Q"), explanation: title("E"), ...fields };
}

describe("content check by running", () => {
  it("reports wrong solutions the tests cannot tell apart, wrong misconceptions, passing starters and wrong quiz keys", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "awaitable-check-"));
    await write(root, "course.json", { id: uuid(1), slug: "course", title: title("Course"), chapters: ["chapter"] });
    await write(root, "seeds.json", { seeds: [{ seed: "001", title: "seed", sections: [{ id: "4.2", title: "async requests" }] }] });
    await write(root, "chapter/chapter.json", { id: uuid(2), slug: "chapter", title: title("Chapter"), items: ["exercise"] });
    await write(root, "chapter/exercise/exercise.json", {
      id: uuid(3),
      slug: "two-sleeps",
      title: title("Two sleeps"),
      seeds,
      concepts: ["gather"],
      difficulty: "beginner",
      estimatedMinutes: 3,
      hints: [title("gather")],
      correctSolutions: [
        { file: "correct/tasks.py", style: title("a task") },
        { file: "correct/not-really.py", style: title("sequential, in fact") },
      ],
      wrongSolutions: [
        { file: "wrong/sequential.py", failsTest: "fast", misconception: "sequential", explanation: title("right") },
        { file: "wrong/declared-wrongly.py", failsTest: "fast", misconception: "blocking-sleep", explanation: title("wrong code") },
        { file: "wrong/actually-right.py", failsTest: "fast", misconception: "sequential", explanation: title("passes") },
        { file: "wrong/three-sleeps.py", failsTest: "fast", misconception: "timing", explanation: title("only measured") },
      ],
    });
    for (const [name, text] of Object.entries({
      "prompt.zh-CN.md": "两次 sleep",
      "prompt.en.md": "Two sleeps",
      "starter.py": CONCURRENT,
      "solution.py": CONCURRENT,
      "tests.py": TESTS,
      "wrong/sequential.py": SEQUENTIAL,
      "wrong/declared-wrongly.py": SEQUENTIAL,
      "wrong/actually-right.py": CONCURRENT,
      "wrong/three-sleeps.py": THREE_SLEEPS,
      "correct/tasks.py": TASKS,
      "correct/not-really.py": SEQUENTIAL,
    })) {
      await write(root, `chapter/exercise/${name}`, text);
    }
    const printing = "import asyncio\n\nasync def main():\n    print('a')\n    await asyncio.sleep(0.5)\n    print('b')\n\nasyncio.run(main())\n";
    await write(root, "questions/bank.json", {
      topic: title("Bank"),
      questions: [
        question(10, { kind: "predict_output", code: printing, answer: "a\nb\n" }),
        question(11, { kind: "predict_output", code: printing, answer: "b\na" }),
        question(12, { kind: "predict_duration", code: printing, answer: 0.5 }),
        question(13, { kind: "predict_duration", code: printing, answer: 1 }),
        question(14, {
          kind: "ordering",
          code: printing,
          checkByRunning: true,
          items: [{ id: "a", text: { "zh-CN": "a", en: "a" } }, { id: "b", text: { "zh-CN": "b", en: "b" } }],
          answer: ["b", "a"],
        }),
        question(15, { kind: "fill_blank", code: "print(____)\n", answer: [["1 + 1"]], expectOutput: "3" }),
      ],
    });

    const content = await loadContent(root);
    expect(content.errors.map((error) => formatProblem(error, root))).toEqual([]);
    const report = await checkContentByRunning(content, { concurrency: 2 });
    const messages = report.problems.map((problem) => formatProblem(problem, root));
    expect(report.runs).toBe(5 + 2 + 1 + 6);
    expect(report.tally).toEqual({ reference: 1, correct: 2, wrong: 4, wrongMessages: { exercise: 0, observed: 1, measured: 1 } });
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/starter\.py: the starter already passes every test/),
        expect.stringMatching(/wrongSolutions\.1\): wrong\/declared-wrongly\.py fails "fast" with misconception sequential, not the declared blocking-sleep/),
        expect.stringMatching(/wrongSolutions\.2\): wrong\/actually-right\.py passes every test/),
        expect.stringMatching(/wrongSolutions\.3\): wrong\/three-sleeps\.py fails "fast" with a message that only compares measurements/),
        expect.stringMatching(/correctSolutions\.1\): correct\/not-really\.py is correct and must pass every test; got FAILED/),
        expect.stringMatching(/questions\.1\): answer "b\\na" but the code prints "a\\nb"/),
        expect.stringMatching(/questions\.3\): answer 1 s .* takes 0\.5 s/),
        expect.stringMatching(/questions\.4\): answer order b → a but the code prints them in the order a → b/),
        expect.stringMatching(/questions\.5\): .* prints "2", not expectOutput "3"/),
      ]),
    );
    expect(messages).toHaveLength(9);
  }, 60_000);
});
