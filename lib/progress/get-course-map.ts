/**
 * The course map: every live course, its chapters and items in order, with
 * the viewer's status on each item and where to continue. Two queries
 * whatever the size of the course: the courses with their chapters, and one
 * row per item joined with the viewer's progress, quiz attempts and draft.
 * A guest (no viewer) gets the same map without statuses.
 */
import { z } from "zod";
import { prisma } from "../db/client";
import type { ItemKind } from "../generated/prisma/enums";
import type { TBilingual } from "../content/schemas";
import { ZItemMeta, type TItemMeta } from "../catalogue/item-content";
import { itemHref } from "../catalogue/item-href";
import { continuePoint, itemProgress, type ContinueReason, type ItemProgress } from "./item-status";

export type CourseMapItem = ItemProgress &
  TItemMeta & {
    id: string;
    kind: ItemKind;
    slug: string;
    href: string;
    title: TBilingual;
  };

export type CourseMapChapter = { id: string; slug: string; title: TBilingual; items: CourseMapItem[] };

export type ContinuePoint = {
  item: CourseMapItem;
  chapter: TBilingual;
  reason: ContinueReason;
  /** For "next": the item finished last. */
  after: CourseMapItem | null;
};

export type CourseMapCourse = {
  id: string;
  slug: string;
  title: TBilingual;
  description: TBilingual | null;
  chapters: CourseMapChapter[];
  /** Null for a guest, and when every item is solved. */
  continueAt: ContinuePoint | null;
};

export type CourseMap = { signedIn: boolean; courses: CourseMapCourse[] };

const ZItemRow = z.object({
  id: z.string(),
  chapterId: z.string(),
  kind: z.enum(["LESSON", "EXERCISE", "QUIZ"]),
  slug: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  meta: ZItemMeta,
  bestScore: z.number().nullable(),
  attempts: z.number().nullable(),
  solvedAt: z.date().nullable(),
  lastAttemptAt: z.date().nullable(),
  quizBest: z.number().nullable(),
  quizSubmitted: z.number(),
  quizLastAt: z.date().nullable(),
  draftAt: z.date().nullable(),
});

const bilingual = (zh: string, en: string): TBilingual => ({ "zh-CN": zh, en });

export async function getCourseMap(viewerId: string | null): Promise<CourseMap> {
  const [courses, rows] = await Promise.all([
    prisma.course.findMany({
      where: { archivedAt: null },
      orderBy: { position: "asc" },
      select: {
        id: true,
        slug: true,
        titleZh: true,
        titleEn: true,
        descriptionZh: true,
        descriptionEn: true,
        chapters: { where: { archivedAt: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, titleZh: true, titleEn: true } },
      },
    }),
    // Only the few content fields the map shows leave the database, not lesson texts and prompts.
    // Quiz attempts inside a mock interview are the interview's, not the quiz item's.
    prisma.$queryRaw<unknown[]>`
      SELECT i.id::text, i."chapterId"::text AS "chapterId", i.kind::text AS kind, i.slug, i."titleZh", i."titleEn",
             jsonb_build_object('difficulty', i.content->'difficulty', 'estimatedMinutes', i.content->'estimatedMinutes',
                                'concepts', i.content->'concepts') AS meta,
             p."bestScore", p.attempts, p."solvedAt", p."lastAttemptAt",
             q.best AS "quizBest", q.submitted::int AS "quizSubmitted", q."lastAt" AS "quizLastAt",
             d."updatedAt" AS "draftAt"
        FROM "CourseItem" i
        JOIN "Chapter" c ON c.id = i."chapterId" AND c."archivedAt" IS NULL
        JOIN "Course" co ON co.id = c."courseId" AND co."archivedAt" IS NULL
        LEFT JOIN "Progress" p ON p."itemId" = i.id AND p."userId" = ${viewerId}::uuid
        LEFT JOIN "Draft" d ON d."itemId" = i.id AND d."userId" = ${viewerId}::uuid
        LEFT JOIN LATERAL (
          SELECT max(a.score) FILTER (WHERE a."submittedAt" IS NOT NULL) AS best,
                 count(*) FILTER (WHERE a."submittedAt" IS NOT NULL) AS submitted,
                 max(COALESCE(a."submittedAt", a."startedAt")) AS "lastAt"
            FROM "QuizAttempt" a
           WHERE a."itemId" = i.id AND a."userId" = ${viewerId}::uuid AND a."interviewSessionId" IS NULL
        ) q ON true
       WHERE i."archivedAt" IS NULL
       ORDER BY co.position, c.position, i.position`,
  ]);

  const itemsByChapter = new Map<string, CourseMapItem[]>();
  for (const raw of rows) {
    const row = ZItemRow.parse(raw);
    const progress =
      row.attempts === null
        ? null
        : { bestScore: row.bestScore ?? 0, attempts: row.attempts, solvedAt: row.solvedAt, lastAttemptAt: row.lastAttemptAt };
    const item: CourseMapItem = {
      id: row.id,
      kind: row.kind,
      slug: row.slug,
      href: itemHref(row),
      title: bilingual(row.titleZh, row.titleEn),
      ...row.meta,
      ...itemProgress({
        kind: row.kind,
        progress,
        quiz: { bestScore: row.quizBest, submitted: row.quizSubmitted, lastAt: row.quizLastAt },
        draftAt: row.draftAt,
      }),
    };
    itemsByChapter.set(row.chapterId, [...(itemsByChapter.get(row.chapterId) ?? []), item]);
  }

  return {
    signedIn: viewerId !== null,
    courses: courses.map((course) => {
      const chapters = course.chapters.map((chapter) => ({
        id: chapter.id,
        slug: chapter.slug,
        title: bilingual(chapter.titleZh, chapter.titleEn),
        items: itemsByChapter.get(chapter.id) ?? [],
      }));
      const point = viewerId ? continuePoint(chapters.flatMap((chapter) => chapter.items)) : null;
      const chapterOf = (item: CourseMapItem) => chapters.find((chapter) => chapter.items.includes(item))!.title;
      return {
        id: course.id,
        slug: course.slug,
        title: bilingual(course.titleZh, course.titleEn),
        description: course.descriptionZh && course.descriptionEn ? bilingual(course.descriptionZh, course.descriptionEn) : null,
        chapters,
        continueAt: point && { ...point, chapter: chapterOf(point.item) },
      };
    }),
  };
}
