/**
 * Writes loaded content to the database in one transaction, under an advisory
 * lock so two starting servers never sync at once. Items that disappeared
 * from the files are archived, never deleted: submissions keep pointing at them.
 */
import { createHash } from "node:crypto";
import { prisma, type Transaction } from "../db/client";
import type { LoadedContent } from "./load-content";

const CONTENT_SYNC_LOCK_KEY = 4_207_101;

export class ContentError extends Error {}

export type SyncSummary = { courses: number; chapters: number; items: number; archived: number; changed: number };

export async function syncContent(content: LoadedContent): Promise<SyncSummary> {
  if (content.errors.length > 0) {
    const lines = content.errors.map((problem) => `  ${problem.file}: ${problem.message}`);
    throw new ContentError(`The course content has ${content.errors.length} error(s); nothing was synced:\n${lines.join("\n")}`);
  }
  const contentHash = createHash("sha256")
    .update(content.courses.map((course) => course.contentHash).join(","))
    .digest("hex");

  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CONTENT_SYNC_LOCK_KEY})`;
      const summary: SyncSummary = { courses: 0, chapters: 0, items: 0, archived: 0, changed: 0 };
      const now = new Date();
      const keep = { courses: [] as string[], chapters: [] as string[], items: [] as string[] };

      for (const [coursePosition, course] of content.courses.entries()) {
        await tx.course.upsert({
          where: { id: course.id },
          create: fieldsOf(course, { slug: course.slug, position: coursePosition }),
          update: { ...fieldsOf(course, { slug: course.slug, position: coursePosition }), archivedAt: null, syncedAt: now },
        });
        keep.courses.push(course.id);
        summary.courses += 1;
        for (const [chapterPosition, chapter] of course.chapters.entries()) {
          const chapterData = { ...fieldsOf(chapter, { slug: chapter.slug, position: chapterPosition }), courseId: course.id };
          await tx.chapter.upsert({
            where: { id: chapter.id },
            create: chapterData,
            update: { ...chapterData, archivedAt: null },
          });
          keep.chapters.push(chapter.id);
          summary.chapters += 1;
          for (const [itemPosition, item] of chapter.items.entries()) {
            summary.changed += await upsertItem(tx, item, chapter.id, itemPosition, now);
            keep.items.push(item.id);
            summary.items += 1;
          }
        }
      }

      const archived = await tx.courseItem.updateMany({
        where: { id: { notIn: keep.items }, archivedAt: null },
        data: { archivedAt: now },
      });
      await tx.chapter.updateMany({ where: { id: { notIn: keep.chapters }, archivedAt: null }, data: { archivedAt: now } });
      await tx.course.updateMany({ where: { id: { notIn: keep.courses }, archivedAt: null }, data: { archivedAt: now } });
      summary.archived = archived.count;
      await tx.contentSync.create({ data: { contentHash, summary, finishedAt: new Date() } });
      return summary;
    },
    { timeout: 60_000 },
  );
}

function fieldsOf(
  entity: { id: string; title: { "zh-CN": string; en: string }; contentHash: string },
  extra: { slug: string; position: number },
) {
  return {
    id: entity.id,
    titleZh: entity.title["zh-CN"],
    titleEn: entity.title.en,
    contentHash: entity.contentHash,
    ...extra,
  };
}

async function upsertItem(
  tx: Transaction,
  item: LoadedContent["courses"][number]["chapters"][number]["items"][number],
  chapterId: string,
  position: number,
  now: Date,
): Promise<number> {
  const existing = await tx.courseItem.findUnique({ where: { id: item.id }, select: { contentHash: true } });
  const data = {
    ...fieldsOf(item, { slug: item.slug, position }),
    chapterId,
    kind: item.kind,
    content: item.content as object,
  };
  await tx.courseItem.upsert({
    where: { id: item.id },
    create: data,
    update: { ...data, archivedAt: null, syncedAt: now },
  });
  return existing?.contentHash === item.contentHash ? 0 : 1;
}
