/**
 * Per quiz question the class answered: facility (the share of correct
 * answers among each student's first answer to it, in quizzes outside
 * interviews) and the wrong answer chosen most often, with the question's
 * content to name it. One query.
 */
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import { prisma } from "../db/client";
import { scopeTables, type InsightsScope } from "./insights-scope";

const ZQuestionRow = z.object({
  questionId: z.string(),
  itemId: z.string(),
  answered: z.number(),
  correct: z.number(),
  wrongAnswer: z.unknown(),
  wrongCount: z.number().nullable(),
  content: z.unknown(),
});
export type QuestionRow = z.infer<typeof ZQuestionRow>;

export async function loadQuestionStats(scope: InsightsScope): Promise<QuestionRow[]> {
  const rows = await prisma.$queryRaw<unknown[]>(Prisma.sql`
    WITH ${scopeTables(scope)},
    first_answers AS (
      SELECT DISTINCT ON (a."userId", q."questionId") a."itemId", q."questionId", q.answer, q.correct
        FROM "QuizAnswer" q
        JOIN "QuizAttempt" a ON a.id = q."attemptId" AND a."interviewSessionId" IS NULL
        JOIN students st ON st."userId" = a."userId"
        JOIN items it ON it.id = a."itemId"
       ORDER BY a."userId", q."questionId", a."startedAt", q."answeredAt"),
    stats AS (
      SELECT "questionId", min("itemId"::text) AS "itemId", count(*)::int AS answered, count(*) FILTER (WHERE correct)::int AS correct
        FROM first_answers GROUP BY "questionId"),
    wrong AS (
      SELECT DISTINCT ON ("questionId") "questionId", answer, count(*)::int AS count
        FROM first_answers WHERE NOT correct
       GROUP BY "questionId", answer
       ORDER BY "questionId", count(*) DESC, answer::text)
    SELECT s."questionId"::text AS "questionId", s."itemId", s.answered, s.correct,
           w.answer AS "wrongAnswer", w.count AS "wrongCount", qq.content
      FROM stats s
      JOIN "QuizQuestion" qq ON qq.id = s."questionId"
      LEFT JOIN wrong w ON w."questionId" = s."questionId"
     ORDER BY s.correct::float8 / s.answered, s.answered DESC, s."questionId"`);
  return rows.map((raw) => ZQuestionRow.parse(raw));
}
