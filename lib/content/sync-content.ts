/**
 * Writes loaded content to the database in one transaction, under an advisory
 * lock so two starting servers never sync at once. Items and questions that
 * disappeared from the files are archived, never deleted: submissions and
 * quiz answers keep pointing at them.
 */
import { createHash } from "node:crypto";
import { prisma, type Transaction } from "../db/client";
import type { QuestionKind } from "../generated/prisma/client";
import { formatProblem, type LoadedContent, type LoadedQuestion } from "./load-content";
import type { TExerciseFile } from "./schemas";

const CONTENT_SYNC_LOCK_KEY = 4_207_101;

export class ContentError extends Error {}

export type SyncSummary = {
  courses: number;
  chapters: number;
  items: number;
  archived: number;
  changed: number;
  questions: number;
  questionsChanged: number;
  questionsArchived: number;
};

const QUESTION_KINDS: Record<LoadedQuestion["question"]["kind"], QuestionKind> = {
  single_choice: "SINGLE_CHOICE",
  multiple_choice: "MULTIPLE_CHOICE",
  true_false: "TRUE_FALSE",
  predict_output: "PREDICT_OUTPUT",
  predict_duration: "PREDICT_DURATION",
  ordering: "ORDERING",
  fill_blank: "FILL_BLANK",
};

/**
 * The slug an entity gives up when another one takes its slug (an archived
 * item whose slug a new item reuses, or two items swapping slugs). `~` never
 * occurs in a real slug, so the parked slug cannot collide with one.
 */
const parkedSlug = (slug: string, id: string) => `${slug}~${id}`;

export async function syncContent(content: LoadedContent): Promise<SyncSummary> {
  if (content.errors.length > 0) {
    const lines = content.errors.map((problem) => `  ${formatProblem(problem)}`);
    throw new ContentError(`The course content has ${content.errors.length} error(s); nothing was synced:\n${lines.join("\n")}`);
  }
  const contentHash = createHash("sha256")
    .update(content.courses.map((course) => course.contentHash).join(","))
    .digest("hex");

  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CONTENT_SYNC_LOCK_KEY})`;
      const summary: SyncSummary = { courses: 0, chapters: 0, items: 0, archived: 0, changed: 0, questions: 0, questionsChanged: 0, questionsArchived: 0 };
      const now = new Date();
      const keep = { courses: [] as string[], chapters: [] as string[], items: [] as string[] };
      await releaseClaimedSlugs(tx, content);

      for (const [coursePosition, course] of content.courses.entries()) {
        const courseFields = {
          ...fieldsOf(course, { slug: course.slug, position: coursePosition }),
          descriptionZh: course.description?.["zh-CN"] ?? null,
          descriptionEn: course.description?.en ?? null,
          referenceAfterAttempts: course.referenceAfterAttempts,
        };
        await tx.course.upsert({
          where: { id: course.id },
          create: courseFields,
          update: { ...courseFields, archivedAt: null, syncedAt: now },
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

      for (const question of content.questions) {
        summary.questionsChanged += await upsertQuestion(tx, question, now);
        summary.questions += 1;
      }
      const archivedQuestions = await tx.quizQuestion.updateMany({
        where: { id: { notIn: content.questions.map((question) => question.id) }, archivedAt: null },
        data: { archivedAt: now },
      });
      summary.questionsArchived = archivedQuestions.count;
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
  if (item.kind === "EXERCISE") {
    // In the same transaction: the grading material and the item's hash are
    // always of one version (the worker checks they agree).
    const grading = {
      contentHash: item.contentHash,
      settings: gradingSettings(item.definition) as object,
      tests: item.grading.tests,
      scenarios: item.grading.scenarios,
    };
    await tx.exerciseGrading.upsert({
      where: { itemId: item.id },
      create: { itemId: item.id, ...grading },
      update: { ...grading, syncedAt: now },
    });
  }
  return existing?.contentHash === item.contentHash ? 0 : 1;
}

/** The fields of exercise.json a grading reads (grader/run-harness.ts, ZGradingSettings). */
function gradingSettings(definition: TExerciseFile) {
  return { id: definition.id, slug: definition.slug, clock: definition.clock, cpu: definition.cpu, limits: definition.limits, io: definition.io };
}

/** Moves every row holding a slug the content gives to another id out of the way, before the upserts. */
async function releaseClaimedSlugs(tx: Transaction, content: LoadedContent) {
  const claimants = <T extends { id: string; slug: string }>(entities: T[]) => new Map(entities.map((entity) => [entity.slug, entity.id]));

  const courseClaims = claimants(content.courses);
  for (const holder of await tx.course.findMany({ where: { slug: { in: [...courseClaims.keys()] } }, select: { id: true, slug: true } })) {
    if (courseClaims.get(holder.slug) !== holder.id) {
      await tx.course.update({ where: { id: holder.id }, data: { slug: parkedSlug(holder.slug, holder.id) } });
    }
  }
  for (const course of content.courses) {
    const chapterClaims = claimants(course.chapters);
    const holders = await tx.chapter.findMany({
      where: { courseId: course.id, slug: { in: [...chapterClaims.keys()] } },
      select: { id: true, slug: true },
    });
    for (const holder of holders) {
      if (chapterClaims.get(holder.slug) !== holder.id) {
        await tx.chapter.update({ where: { id: holder.id }, data: { slug: parkedSlug(holder.slug, holder.id) } });
      }
    }
  }
  const itemClaims = claimants(content.courses.flatMap((course) => course.chapters.flatMap((chapter) => chapter.items)));
  for (const holder of await tx.courseItem.findMany({ where: { slug: { in: [...itemClaims.keys()] } }, select: { id: true, slug: true } })) {
    if (itemClaims.get(holder.slug) !== holder.id) {
      await tx.courseItem.update({ where: { id: holder.id }, data: { slug: parkedSlug(holder.slug, holder.id) } });
    }
  }
}

async function upsertQuestion(tx: Transaction, question: LoadedQuestion, now: Date): Promise<number> {
  const existing = await tx.quizQuestion.findUnique({ where: { id: question.id }, select: { contentHash: true } });
  const data = {
    kind: QUESTION_KINDS[question.question.kind],
    difficulty: question.question.difficulty,
    concepts: question.question.concepts,
    contentHash: question.contentHash,
    content: question.content as object,
  };
  await tx.quizQuestion.upsert({
    where: { id: question.id },
    create: { id: question.id, ...data },
    update: { ...data, archivedAt: null, syncedAt: now },
  });
  return existing?.contentHash === question.contentHash ? 0 : 1;
}
