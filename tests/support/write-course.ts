/**
 * Writes a small but complete course folder (course.json, seeds.json,
 * chapters, lessons, exercises with every file the loader wants, quizzes and
 * their question bank) for tests that load and sync content. Each item is
 * described by a few fields; the rest are defaults that pass validation.
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const title = (en: string, zh = `中文 ${en}`) => ({ "zh-CN": zh, en });

export type FixtureItem =
  | { kind: "lesson"; id: string; slug: string; title: string; concepts?: string[]; seeds?: { seed: string; section: string }[] }
  | {
      kind: "exercise";
      id: string;
      slug: string;
      title: string;
      concepts?: string[];
      difficulty?: "beginner" | "intermediate" | "advanced" | "interview";
      estimatedMinutes?: number;
      starter?: string;
      seeds?: { seed: string; section: string }[];
    }
  | { kind: "quiz"; id: string; slug: string; title: string; concepts?: string[]; questionId: string };

export type FixtureCourse = {
  id: string;
  slug: string;
  title: string;
  description?: string;
  chapters: { id: string; slug: string; title: string; items: FixtureItem[] }[];
};

/** The tutorial sections the fixtures' items name. */
export const FIXTURE_SEEDS = {
  seeds: [
    {
      seed: "001",
      title: "一文学会 Python 异步编程!",
      sections: [
        { id: "2.1", title: "1. 第一步:用 async 定义协程函数" },
        { id: "5.1", title: "1. 任务取消:task.cancel ()" },
        { id: "intro", title: "开头:能不能 2 秒搞定", teaches: false },
      ],
    },
  ],
};

const DEFAULT_SEEDS = [{ seed: "001", section: "2.1" }];

export async function writeCourse(course: FixtureCourse): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "awaitable-course-"));
  const write = async (relative: string, body: string | object) => {
    const file = path.join(root, course.slug, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, typeof body === "string" ? body : JSON.stringify(body, null, 2));
  };
  await write("course.json", {
    id: course.id,
    slug: course.slug,
    title: title(course.title),
    ...(course.description ? { description: title(course.description) } : {}),
    chapters: course.chapters.map((chapter) => chapter.slug),
  });
  await write("seeds.json", FIXTURE_SEEDS);
  const questions: object[] = [];
  for (const chapter of course.chapters) {
    await write(`${chapter.slug}/chapter.json`, { id: chapter.id, slug: chapter.slug, title: title(chapter.title), items: chapter.items.map((item) => item.slug) });
    for (const item of chapter.items) {
      const folder = `${chapter.slug}/${item.slug}`;
      const common = { id: item.id, slug: item.slug, title: title(item.title), concepts: item.concepts ?? ["coroutine"] };
      if (item.kind === "lesson") {
        await write(`${folder}/lesson.json`, { ...common, seeds: item.seeds ?? DEFAULT_SEEDS, estimatedMinutes: 10 });
        await write(`${folder}/lesson.zh-CN.md`, `# 中文 ${item.title}\n\n正文。\n`);
        await write(`${folder}/lesson.en.md`, `# ${item.title}\n\nText.\n`);
      } else if (item.kind === "exercise") {
        await write(`${folder}/exercise.json`, {
          ...common,
          seeds: item.seeds ?? DEFAULT_SEEDS,
          difficulty: item.difficulty ?? "beginner",
          estimatedMinutes: item.estimatedMinutes ?? 15,
          hints: [title("Use gather")],
          correctSolutions: [
            { file: "correct/one.py", style: title("one") },
            { file: "correct/two.py", style: title("two") },
          ],
          wrongSolutions: [{ file: "wrong/serial.py", failsTest: "concurrent", misconception: "sequential", explanation: title("serial") }],
        });
        await write(`${folder}/prompt.zh-CN.md`, `写 main()。\n`);
        await write(`${folder}/prompt.en.md`, `Write main().\n`);
        await write(`${folder}/starter.py`, item.starter ?? "import asyncio\n\n\nasync def main():\n    # TODO\n    ...\n");
        await write(`${folder}/solution.py`, "async def main():\n    return 1\n");
        await write(`${folder}/tests.py`, '@test("concurrent", "并发", "concurrent")\ndef concurrent(t):\n    pass\n');
        await write(`${folder}/correct/one.py`, "async def main():\n    return 1\n");
        await write(`${folder}/correct/two.py`, "async def main():\n    return 1\n");
        await write(`${folder}/wrong/serial.py`, "async def main():\n    return 0\n");
      } else {
        await write(`${folder}/quiz.json`, { ...common, seeds: DEFAULT_SEEDS, estimatedMinutes: 5, questions: [item.questionId] });
        questions.push({
          id: item.questionId,
          kind: "true_false",
          difficulty: 1,
          concepts: item.concepts ?? ["coroutine"],
          seeds: DEFAULT_SEEDS,
          prompt: title("Calling an async function runs its body"),
          explanation: title("It returns a coroutine object"),
          answer: false,
        });
      }
    }
  }
  if (questions.length > 0) await write("questions/bank.json", { topic: title("Bank"), questions });
  return root;
}
