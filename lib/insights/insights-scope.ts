/**
 * The common table expressions every insights query starts from, so they
 * all agree on whose work counts and which of it:
 * - `students`: enrolled in the class now (a student who left is nobody's business);
 * - `items`: the class's course's exercises and quizzes (of one assignment, if asked);
 * - `own`: the students' own graded submissions of those items — not
 *   regrades (a teacher's, not an attempt), not interviews, not grader
 *   errors (never the student's fault) — each with its *current* verdict:
 *   the verdict of its newest finished regrade if it has one, else its own;
 *   `effectiveId` is the submission whose test results are that truth;
 * - `quiz`: their submitted quiz attempts outside interviews.
 */
import { Prisma } from "../generated/prisma/client";
import { QUIZ_PASS_SCORE } from "../progress/item-status";

export type InsightsScope = { classId: string; courseId: string; assignmentId: string | null };

export function scopeTables({ classId, courseId, assignmentId }: InsightsScope): Prisma.Sql {
  return Prisma.sql`
    students AS (SELECT "userId" FROM "Enrolment" WHERE "classId" = ${classId}::uuid),
    items AS (
      SELECT i.id, i.kind FROM "CourseItem" i
        JOIN "Chapter" c ON c.id = i."chapterId" AND c."archivedAt" IS NULL
       WHERE c."courseId" = ${courseId}::uuid AND i."archivedAt" IS NULL AND i.kind IN ('EXERCISE', 'QUIZ')
         AND (${assignmentId}::uuid IS NULL
              OR i.id IN (SELECT "itemId" FROM "AssignmentItem" WHERE "assignmentId" = ${assignmentId}::uuid))),
    regrades AS (
      SELECT DISTINCT ON (r."regradeOfId") r."regradeOfId", r.id, r.verdict
        FROM "Submission" r JOIN items it ON it.id = r."itemId"
       WHERE r."regradeOfId" IS NOT NULL AND r.status = 'DONE' AND r.verdict IS NOT NULL AND r.verdict <> 'GRADER_ERROR'
       ORDER BY r."regradeOfId", r."queuedAt" DESC, r.id DESC),
    own AS (
      SELECT s.id, s."userId", s."itemId", s."queuedAt", COALESCE(r.verdict, s.verdict) AS verdict, COALESCE(r.id, s.id) AS "effectiveId"
        FROM "Submission" s
        JOIN students st ON st."userId" = s."userId"
        JOIN items it ON it.id = s."itemId"
        LEFT JOIN regrades r ON r."regradeOfId" = s.id
       WHERE s."regradeOfId" IS NULL AND s."interviewSessionId" IS NULL AND s.status = 'DONE'
         AND s.verdict IS NOT NULL AND s.verdict <> 'GRADER_ERROR'),
    quiz AS (
      SELECT a."userId", a."itemId", a."startedAt", a."submittedAt", a.score
        FROM "QuizAttempt" a
        JOIN students st ON st."userId" = a."userId"
        JOIN items it ON it.id = a."itemId"
       WHERE a."interviewSessionId" IS NULL AND a."submittedAt" IS NOT NULL AND a.score IS NOT NULL)`;
}

/**
 * Per student and item they started: when they started, when they first
 * solved it (an exercise: the first own submission whose current verdict
 * is PASSED; a quiz: the first attempt scoring QUIZ_PASS_SCORE), how many
 * attempts up to and including that one, and (quizzes) their best score.
 */
export const workTable = Prisma.sql`
    exercise_firsts AS (
      SELECT "userId", "itemId", min("queuedAt") AS "startedAt", min("queuedAt") FILTER (WHERE verdict = 'PASSED') AS "solvedAt"
        FROM own GROUP BY "userId", "itemId"),
    quiz_firsts AS (
      SELECT "userId", "itemId", min("startedAt") AS "startedAt",
             min("submittedAt") FILTER (WHERE score >= ${QUIZ_PASS_SCORE}) AS "solvedAt", max(score) AS best
        FROM quiz GROUP BY "userId", "itemId"),
    work AS (
      SELECT f."userId", f."itemId", f."startedAt", f."solvedAt", NULL::float8 AS best,
             count(*) FILTER (WHERE o."queuedAt" <= f."solvedAt") AS attempts
        FROM exercise_firsts f JOIN own o ON o."userId" = f."userId" AND o."itemId" = f."itemId"
       GROUP BY f."userId", f."itemId", f."startedAt", f."solvedAt"
      UNION ALL
      SELECT f."userId", f."itemId", f."startedAt", f."solvedAt", f.best,
             count(*) FILTER (WHERE q."submittedAt" <= f."solvedAt") AS attempts
        FROM quiz_firsts f JOIN quiz q ON q."userId" = f."userId" AND q."itemId" = f."itemId"
       GROUP BY f."userId", f."itemId", f."startedAt", f."solvedAt", f.best)`;
