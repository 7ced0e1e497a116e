import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { loadContent } from "@/lib/content/load-content";
import { syncContent } from "@/lib/content/sync-content";

const ids = {
  course: "8e0f7a52-3c1b-4d0e-9f7a-1b2c3d4e5f60",
  chapter: "8e0f7a52-3c1b-4d0e-9f7a-1b2c3d4e5f61",
  lesson: "8e0f7a52-3c1b-4d0e-9f7a-1b2c3d4e5f62",
  quiz: "8e0f7a52-3c1b-4d0e-9f7a-1b2c3d4e5f63",
};
const title = (en: string) => ({ "zh-CN": `中文 ${en}`, en });

async function writeCourse(root: string, items: string[]) {
  await mkdir(path.join(root, "asyncio"), { recursive: true });
  await writeFile(
    path.join(root, "asyncio", "course.json"),
    JSON.stringify({
      id: ids.course,
      slug: "asyncio",
      title: title("Asyncio"),
      chapters: [{ id: ids.chapter, slug: "basics", title: title("Basics"), items }],
    }),
  );
}

async function writeItem(root: string, folder: string, file: string, body: object) {
  await mkdir(path.join(root, "asyncio", folder), { recursive: true });
  await writeFile(path.join(root, "asyncio", folder, file), JSON.stringify(body));
}

describe("content sync", () => {
  it("syncs courses, chapters and items, and archives removed items instead of deleting them", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "awaitable-content-"));
    await writeCourse(root, ["lesson-1", "quiz-1"]);
    await writeItem(root, "lesson-1", "lesson.json", { id: ids.lesson, slug: "what-is-a-coroutine", title: title("Coroutines") });
    await writeItem(root, "quiz-1", "quiz.json", { id: ids.quiz, slug: "quiz-basics", title: title("Quiz") });

    const first = await syncContent(await loadContent(root));
    expect(first).toMatchObject({ courses: 1, chapters: 1, items: 2, changed: 2, archived: 0 });
    const items = await prisma.courseItem.findMany({ orderBy: { position: "asc" } });
    expect(items.map((item) => [item.slug, item.kind, item.position, item.titleZh])).toEqual([
      ["what-is-a-coroutine", "LESSON", 0, "中文 Coroutines"],
      ["quiz-basics", "QUIZ", 1, "中文 Quiz"],
    ]);

    const again = await syncContent(await loadContent(root));
    expect(again.changed).toBe(0);

    // A rename keeps the id, so history follows the item.
    await writeItem(root, "lesson-1", "lesson.json", { id: ids.lesson, slug: "coroutines", title: title("Coroutine objects") });
    await writeCourse(root, ["lesson-1"]);
    await rm(path.join(root, "asyncio", "quiz-1"), { recursive: true });
    const third = await syncContent(await loadContent(root));
    expect(third).toMatchObject({ items: 1, changed: 1, archived: 1 });
    const renamed = await prisma.courseItem.findUniqueOrThrow({ where: { id: ids.lesson } });
    expect(renamed).toMatchObject({ slug: "coroutines", titleEn: "Coroutine objects", archivedAt: null });
    expect((await prisma.courseItem.findUniqueOrThrow({ where: { id: ids.quiz } })).archivedAt).toBeInstanceOf(Date);
    expect(await prisma.contentSync.count()).toBe(3);
  });

  it("reports every error of every file together and syncs nothing", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "awaitable-content-"));
    await writeCourse(root, ["broken-json", "bad-fields", "empty", "duplicate"]);
    await mkdir(path.join(root, "asyncio", "broken-json"));
    await writeFile(path.join(root, "asyncio", "broken-json", "lesson.json"), "{ not json");
    await writeItem(root, "bad-fields", "exercise.json", { id: "not-a-uuid", slug: "Bad Slug", title: { en: "only en" } });
    await mkdir(path.join(root, "asyncio", "empty"));
    await writeItem(root, "duplicate", "lesson.json", { id: ids.course, slug: "dup", title: title("Dup") });

    const content = await loadContent(root);
    const messages = content.errors.map((error) => `${path.relative(root, error.file)}: ${error.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^asyncio\/broken-json\/lesson\.json: invalid JSON/),
        expect.stringMatching(/^asyncio\/bad-fields\/exercise\.json: id:/),
        expect.stringMatching(/^asyncio\/bad-fields\/exercise\.json: slug:/),
        expect.stringMatching(/^asyncio\/bad-fields\/exercise\.json: title\.zh-CN:/),
        expect.stringMatching(/^asyncio\/empty: holds none of/),
        expect.stringMatching(/^asyncio\/duplicate: id .* is already used/),
      ]),
    );
    const before = await prisma.courseItem.count();
    await expect(syncContent(content)).rejects.toThrow(/6 error\(s\); nothing was synced/);
    expect(await prisma.courseItem.count()).toBe(before);
  });
});
