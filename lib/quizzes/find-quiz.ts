/** A live practice quiz by slug, and the bank questions it lists, read back through their schemas. */
import { prisma, type Database, type Transaction } from "../db/client";
import type { TBilingual } from "../content/schemas";
import { parseStoredQuestion, ZQuizContent, type StoredQuestion } from "./schemas";

export type Quiz = { id: string; slug: string; title: TBilingual; questionIds: string[]; estimatedMinutes: number };

export async function findQuiz(slug: string, db: Database | Transaction = prisma): Promise<Quiz | null> {
  const item = await db.courseItem.findFirst({
    where: { slug, kind: "QUIZ", archivedAt: null },
    select: { id: true, slug: true, titleZh: true, titleEn: true, content: true },
  });
  if (!item) return null;
  const content = ZQuizContent.parse(item.content);
  return {
    id: item.id,
    slug: item.slug,
    title: { "zh-CN": item.titleZh, en: item.titleEn },
    questionIds: content.questions,
    estimatedMinutes: content.estimatedMinutes,
  };
}

/**
 * The questions with these ids, archived ones included: an attempt keeps
 * the questions it began with even if the bank dropped one since.
 */
export async function loadQuestions(ids: string[], db: Database | Transaction = prisma): Promise<Map<string, StoredQuestion>> {
  const rows = await db.quizQuestion.findMany({ where: { id: { in: ids } }, select: { id: true, content: true } });
  return new Map(rows.map((row) => [row.id, parseStoredQuestion(row.content)]));
}
