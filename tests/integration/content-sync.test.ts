import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { formatProblem, loadContent } from "@/lib/content/load-content";
import { syncContent } from "@/lib/content/sync-content";

const ids = {
  course: "8e0f7a52-3c1b-4d0e-9f7a-1b2c3d4e5f60",
  chapter: "8e0f7a52-3c1b-4d0e-9f7a-1b2c3d4e5f61",
  lesson: "8e0f7a52-3c1b-4d0e-9f7a-1b2c3d4e5f62",
  quiz: "8e0f7a52-3c1b-4d0e-9f7a-1b2c3d4e5f63",
  reuser: "8e0f7a52-3c1b-4d0e-9f7a-1b2c3d4e5f64",
  question: "8e0f7a52-3c1b-4d0e-9f7a-1b2c3d4e5f70",
  otherQuestion: "8e0f7a52-3c1b-4d0e-9f7a-1b2c3d4e5f71",
};
const title = (en: string) => ({ "zh-CN": `中文 ${en}`, en });
const seeds = [{ seed: "001", section: "2.1" }];
const common = { seeds, concepts: ["coroutine"], estimatedMinutes: 5 };

async function write(root: string, relative: string, body: string | object) {
  const file = path.join(root, "asyncio", relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, typeof body === "string" ? body : JSON.stringify(body));
}

async function writeCourse(root: string, items: string[]) {
  await write(root, "course.json", { id: ids.course, slug: "asyncio", title: title("Asyncio"), chapters: ["basics"] });
  await write(root, "seeds.json", { seeds: [{ seed: "001", title: "seed", sections: [{ id: "2.1", title: "async def" }] }] });
  await write(root, "basics/chapter.json", { id: ids.chapter, slug: "basics", title: title("Basics"), items });
}

async function writeLesson(root: string, folder: string, body: object) {
  await write(root, `basics/${folder}/lesson.json`, { ...common, ...body });
  await write(root, `basics/${folder}/lesson.zh-CN.md`, "# 协程\n");
  await write(root, `basics/${folder}/lesson.en.md`, "# Coroutines\n");
}

function question(id: string, answer: boolean) {
  return {
    id,
    kind: "true_false",
    difficulty: 1,
    concepts: ["coroutine"],
    seeds,
    prompt: title("Calling an async function runs its body"),
    explanation: title("It returns a coroutine object"),
    answer,
  };
}

async function writeBank(root: string, questions: object[]) {
  await write(root, "questions/basics.json", { topic: title("Basics"), questions });
}

describe("content sync", () => {
  it("syncs courses, chapters, items and questions, and archives removed ones instead of deleting them", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "awaitable-content-"));
    await writeCourse(root, ["lesson-1", "quiz-1"]);
    await writeLesson(root, "lesson-1", { id: ids.lesson, slug: "what-is-a-coroutine", title: title("Coroutines") });
    await write(root, "basics/quiz-1/quiz.json", { ...common, id: ids.quiz, slug: "quiz-basics", title: title("Quiz"), questions: [ids.question] });
    await writeBank(root, [question(ids.question, false), question(ids.otherQuestion, true)]);

    const loaded = await loadContent(root);
    expect(loaded.errors).toEqual([]);
    const first = await syncContent(loaded);
    expect(first).toMatchObject({ courses: 1, chapters: 1, items: 2, changed: 2, archived: 0, questions: 2, questionsChanged: 2 });
    const items = await prisma.courseItem.findMany({ where: { chapterId: ids.chapter }, orderBy: { position: "asc" } });
    expect(items.map((item) => [item.slug, item.kind, item.position, item.titleZh])).toEqual([
      ["what-is-a-coroutine", "LESSON", 0, "中文 Coroutines"],
      ["quiz-basics", "QUIZ", 1, "中文 Quiz"],
    ]);
    expect(items[0]?.content).toMatchObject({ body: { "zh-CN": "# 协程\n", en: "# Coroutines\n" } });
    expect(items[1]?.content).toMatchObject({ questions: [ids.question] });
    expect(await prisma.quizQuestion.findUniqueOrThrow({ where: { id: ids.question } })).toMatchObject({
      kind: "TRUE_FALSE",
      difficulty: 1,
      concepts: ["coroutine"],
      archivedAt: null,
    });

    const again = await syncContent(await loadContent(root));
    expect(again).toMatchObject({ changed: 0, questionsChanged: 0 });

    // A rename keeps the id, so history follows the item.
    await writeLesson(root, "lesson-1", { id: ids.lesson, slug: "coroutines", title: title("Coroutine objects") });
    await writeCourse(root, ["lesson-1"]);
    await rm(path.join(root, "asyncio", "basics", "quiz-1"), { recursive: true });
    await writeBank(root, [question(ids.question, false)]);
    const third = await syncContent(await loadContent(root));
    expect(third).toMatchObject({ items: 1, changed: 1, archived: 1, questions: 1, questionsArchived: 1 });
    const renamed = await prisma.courseItem.findUniqueOrThrow({ where: { id: ids.lesson } });
    expect(renamed).toMatchObject({ slug: "coroutines", titleEn: "Coroutine objects", archivedAt: null });
    expect((await prisma.courseItem.findUniqueOrThrow({ where: { id: ids.quiz } })).archivedAt).toBeInstanceOf(Date);
    expect((await prisma.quizQuestion.findUniqueOrThrow({ where: { id: ids.otherQuestion } })).archivedAt).toBeInstanceOf(Date);
    expect(await prisma.contentSync.count()).toBe(3);

    // A new item may take the slug of an archived one: the archived one gives it up.
    await writeCourse(root, ["lesson-1", "lesson-2"]);
    await writeLesson(root, "lesson-2", { id: ids.reuser, slug: "quiz-basics", title: title("Reuses a slug") });
    const fourth = await syncContent(await loadContent(root));
    expect(fourth).toMatchObject({ items: 2, changed: 1 });
    expect(await prisma.courseItem.findUniqueOrThrow({ where: { id: ids.reuser } })).toMatchObject({ slug: "quiz-basics", archivedAt: null });
    const archived = await prisma.courseItem.findUniqueOrThrow({ where: { id: ids.quiz } });
    expect(archived.slug).toBe(`quiz-basics~${ids.quiz}`);
    expect(archived.archivedAt).toBeInstanceOf(Date);
  });

  it("reports every error of every file together and syncs nothing", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "awaitable-content-"));
    await writeCourse(root, ["broken-json", "bad-fields", "empty", "duplicate", "missing", "quiz"]);
    await write(root, "basics/broken-json/lesson.json", "{ not json");
    await write(root, "basics/bad-fields/exercise.json", { id: "not-a-uuid", slug: "Bad Slug", title: { en: "only en" } });
    await mkdir(path.join(root, "asyncio", "basics", "empty"));
    await writeLesson(root, "duplicate", { id: ids.course, slug: "dup", title: title("Dup"), seeds: [{ seed: "001", section: "99" }] });
    await write(root, "basics/quiz/quiz.json", { ...common, id: ids.quiz, slug: "quiz", title: title("Quiz"), questions: [ids.question] });
    await write(root, "basics/unlisted/lesson.json", {});

    const content = await loadContent(root);
    const messages = content.errors.map((error) => formatProblem(error, root));
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^asyncio\/basics\/broken-json\/lesson\.json: invalid JSON/),
        expect.stringMatching(/^asyncio\/basics\/bad-fields\/exercise\.json \(id\):/),
        expect.stringMatching(/^asyncio\/basics\/bad-fields\/exercise\.json \(slug\):/),
        expect.stringMatching(/^asyncio\/basics\/bad-fields\/exercise\.json \(title\.zh-CN\):/),
        expect.stringMatching(/^asyncio\/basics\/bad-fields\/prompt\.zh-CN\.md: file is missing/),
        expect.stringMatching(/^asyncio\/basics\/bad-fields\/tests\.py: file is missing/),
        expect.stringMatching(/^asyncio\/basics\/empty: holds none of/),
        expect.stringMatching(/^asyncio\/basics\/duplicate\/lesson\.json \(id\): id .* is already used/),
        expect.stringMatching(/^asyncio\/basics\/duplicate\/lesson\.json \(seeds\.0\): seed 001 has no section "99"/),
        expect.stringMatching(/^asyncio\/basics\/chapter\.json \(items\.4\): item folder "missing" does not exist/),
        expect.stringMatching(/^asyncio\/basics\/quiz\/quiz\.json \(questions\.0\): question .* is not in the question bank/),
      ]),
    );
    expect(content.warnings.map((warning) => formatProblem(warning, root))).toEqual([
      expect.stringMatching(/^asyncio\/basics\/unlisted: item folder is not listed/),
    ]);
    const before = await prisma.courseItem.count();
    await expect(syncContent(content)).rejects.toThrow(new RegExp(`${content.errors.length} error\\(s\\); nothing was synced`));
    expect(await prisma.courseItem.count()).toBe(before);
  });
});
