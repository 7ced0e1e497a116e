/**
 * Where to read up after a question: the seed tutorial's section it comes
 * from (named as describe-sources.ts names every source, synced with the question) and the
 * course's lesson that teaches that section, when there is one.
 */
import { z } from "zod";
import { prisma, type Database, type Transaction } from "../db/client";
import type { TBilingual } from "../content/schemas";
import type { StoredQuestion } from "./schemas";

export type TTutorialReference = {
  seed: string;
  section: string;
  tutorial: string | null;
  title: string | null;
  lesson: { slug: string; title: TBilingual } | null;
};

const ZLessonRow = z.object({
  slug: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  seeds: z.array(z.object({ seed: z.string(), section: z.string() })).nullable(),
});

/** "seed:section" → the first lesson of the course (in course order) that cites it. */
export type LessonIndex = Map<string, { slug: string; title: TBilingual }>;

export async function loadLessonIndex(db: Database | Transaction = prisma): Promise<LessonIndex> {
  // Only the seeds of each lesson: its body is large and not needed here.
  const rows = await db.$queryRaw<unknown[]>`
    SELECT item.slug, item."titleZh", item."titleEn", item.content -> 'seeds' AS seeds
    FROM "CourseItem" item
    JOIN "Chapter" chapter ON chapter.id = item."chapterId"
    JOIN "Course" course ON course.id = chapter."courseId"
    WHERE item.kind = 'LESSON' AND item."archivedAt" IS NULL
    ORDER BY course.position, chapter.position, item.position`;
  const index: LessonIndex = new Map();
  for (const row of z.array(ZLessonRow).parse(rows)) {
    for (const reference of row.seeds ?? []) {
      const key = `${reference.seed}:${reference.section}`;
      if (!index.has(key)) index.set(key, { slug: row.slug, title: { "zh-CN": row.titleZh, en: row.titleEn } });
    }
  }
  return index;
}

/** The lesson citing the section, else the nearest enclosing section a lesson cites ("3.3.1", then "3.3", "3"). */
function lessonFor(index: LessonIndex, seed: string, section: string) {
  const parts = section.split(".");
  for (let length = parts.length; length > 0; length -= 1) {
    const lesson = index.get(`${seed}:${parts.slice(0, length).join(".")}`);
    if (lesson) return lesson;
  }
  return null;
}

export function tutorialReferences(stored: StoredQuestion, index: LessonIndex): TTutorialReference[] {
  return stored.references.map((reference) => ({
    seed: reference.seed,
    section: reference.section,
    tutorial: reference.tutorial,
    title: reference.title,
    lesson: lessonFor(index, reference.seed, reference.section),
  }));
}
