/**
 * The items a class's teachers follow: the exercises and quizzes of the
 * class's course, in course order, with their chapter and concepts (lessons
 * are read, not graded). One query; the matrix, the insights, assignments
 * and exports all start from it.
 */
import { z } from "zod";
import { prisma } from "../db/client";
import { ZItemMeta } from "../catalogue/item-content";
import { itemHref } from "../catalogue/item-href";
import type { TBilingual } from "../content/schemas";

export type ClassItem = {
  id: string;
  kind: "EXERCISE" | "QUIZ";
  slug: string;
  href: string;
  title: TBilingual;
  chapter: { id: string; slug: string; title: TBilingual };
  concepts: string[];
  difficulty: string | null;
};

const ZRow = z.object({
  id: z.string(),
  kind: z.enum(["EXERCISE", "QUIZ"]),
  slug: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  chapterId: z.string(),
  chapterSlug: z.string(),
  chapterZh: z.string(),
  chapterEn: z.string(),
  meta: ZItemMeta,
});

export async function listClassItems(courseId: string): Promise<ClassItem[]> {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT i.id::text, i.kind::text AS kind, i.slug, i."titleZh", i."titleEn",
           c.id::text AS "chapterId", c.slug AS "chapterSlug", c."titleZh" AS "chapterZh", c."titleEn" AS "chapterEn",
           jsonb_build_object('difficulty', i.content->'difficulty', 'estimatedMinutes', i.content->'estimatedMinutes',
                              'concepts', i.content->'concepts') AS meta
      FROM "CourseItem" i
      JOIN "Chapter" c ON c.id = i."chapterId" AND c."archivedAt" IS NULL
     WHERE c."courseId" = ${courseId}::uuid AND i."archivedAt" IS NULL AND i.kind IN ('EXERCISE', 'QUIZ')
     ORDER BY c.position, i.position`;
  return rows.map((raw) => {
    const row = ZRow.parse(raw);
    return {
      id: row.id,
      kind: row.kind,
      slug: row.slug,
      href: itemHref(row),
      title: { "zh-CN": row.titleZh, en: row.titleEn },
      chapter: { id: row.chapterId, slug: row.chapterSlug, title: { "zh-CN": row.chapterZh, en: row.chapterEn } },
      concepts: row.meta.concepts,
      difficulty: row.meta.difficulty,
    };
  });
}

export type ClassStudent = { id: string; email: string; name: string | null; joinedAt: Date };

/** The students enrolled now, by name then email. */
export async function listClassStudents(classId: string): Promise<ClassStudent[]> {
  const enrolments = await prisma.enrolment.findMany({
    where: { classId },
    select: { createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  return enrolments
    .map(({ createdAt, user }) => ({ ...user, joinedAt: createdAt }))
    .sort((a, b) => (a.name ?? a.email).localeCompare(b.name ?? b.email) || a.email.localeCompare(b.email));
}
