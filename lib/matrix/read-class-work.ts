/**
 * What the class's students did on the class's items, in a constant number
 * of queries however many students there are: the Progress rows of the
 * exercises, each student's quiz attempts outside interviews grouped per
 * quiz, the first and last submissions and the first that passed, and every
 * assignment's due dates with the students' extensions. Students are reached
 * through their enrolment (a join), not through a list of ids.
 */
import { z } from "zod";
import { prisma } from "../db/client";
import { earliestDue, effectiveDueAt, ZLatePenalty, type DueDate } from "../assignments/due-dates";
import { QUIZ_PASS_SCORE } from "../progress/item-status";
import type { ClassItem } from "../classes/class-course-items";
import type { CellWork } from "./cell";

export type ClassAssignment = {
  id: string;
  title: string;
  dueAt: Date;
  latePenalty: z.infer<typeof ZLatePenalty>;
  itemIds: string[];
  extensions: Map<string, Date>;
};

export type ClassWork = {
  work: (userId: string, item: ClassItem) => CellWork;
  assignments: ClassAssignment[];
  /** The due date that decides lateness: the chosen assignment's, else the earliest of those holding the item. */
  dueDate: (userId: string, itemId: string, assignmentId?: string) => DueDate | null;
};

const ZQuizRow = z.object({
  userId: z.string(),
  itemId: z.string(),
  bestScore: z.number().nullable(),
  submitted: z.number(),
  firstAt: z.date().nullable(),
  lastAt: z.date().nullable(),
  firstPassedAt: z.date().nullable(),
});

const ZSubmissionRow = z.object({
  userId: z.string(),
  itemId: z.string(),
  firstAt: z.date(),
  lastAt: z.date(),
  firstPassedAt: z.date().nullable(),
});

const key = (userId: string, itemId: string) => `${userId}:${itemId}`;

/** `onlyUserId`: one student's work (their page); otherwise every enrolled student's. */
export async function readClassWork(classId: string, items: ClassItem[], onlyUserId?: string): Promise<ClassWork> {
  const exerciseIds = items.filter((item) => item.kind === "EXERCISE").map((item) => item.id);
  const quizIds = items.filter((item) => item.kind === "QUIZ").map((item) => item.id);
  const userFilter = onlyUserId ?? null;
  const [progressRows, quizRows, submissionRows, assignmentRows] = await Promise.all([
    prisma.progress.findMany({
      // Lessons have Progress rows too (read marks); only the exercises' count here.
      where: { itemId: { in: exerciseIds }, user: { enrolments: { some: { classId } } }, ...(onlyUserId ? { userId: onlyUserId } : {}) },
      select: { userId: true, itemId: true, bestScore: true, attempts: true, solvedAt: true, lastAttemptAt: true, hintsRevealed: true },
    }),
    prisma.$queryRaw<unknown[]>`
      SELECT a."userId"::text AS "userId", a."itemId"::text AS "itemId",
             max(a.score) FILTER (WHERE a."submittedAt" IS NOT NULL) AS "bestScore",
             (count(*) FILTER (WHERE a."submittedAt" IS NOT NULL))::int AS submitted,
             min(a."startedAt") AS "firstAt",
             max(coalesce(a."submittedAt", a."startedAt")) AS "lastAt",
             min(a."submittedAt") FILTER (WHERE a.score >= ${QUIZ_PASS_SCORE}) AS "firstPassedAt"
        FROM "QuizAttempt" a
        JOIN "Enrolment" e ON e."userId" = a."userId" AND e."classId" = ${classId}::uuid
       WHERE a."interviewSessionId" IS NULL AND a."itemId" = ANY(${quizIds}::uuid[])
         AND (${userFilter}::uuid IS NULL OR a."userId" = ${userFilter}::uuid)
       GROUP BY a."userId", a."itemId"`,
    // A regrade counts at the time of the submission it regrades: that is when the student handed it in.
    prisma.$queryRaw<unknown[]>`
      SELECT s."userId"::text AS "userId", s."itemId"::text AS "itemId",
             min(coalesce(o."queuedAt", s."queuedAt")) AS "firstAt",
             max(coalesce(o."queuedAt", s."queuedAt")) AS "lastAt",
             min(coalesce(o."queuedAt", s."queuedAt")) FILTER (WHERE s.verdict = 'PASSED') AS "firstPassedAt"
        FROM "Submission" s
        JOIN "Enrolment" e ON e."userId" = s."userId" AND e."classId" = ${classId}::uuid
        LEFT JOIN "Submission" o ON o.id = s."regradeOfId"
       WHERE s."interviewSessionId" IS NULL AND s."itemId" = ANY(${exerciseIds}::uuid[])
         AND (${userFilter}::uuid IS NULL OR s."userId" = ${userFilter}::uuid)
       GROUP BY s."userId", s."itemId"`,
    prisma.assignment.findMany({
      where: { classId },
      orderBy: [{ dueAt: "asc" }, { title: "asc" }],
      select: {
        id: true,
        title: true,
        dueAt: true,
        latePenalty: true,
        items: { orderBy: { position: "asc" }, select: { itemId: true } },
        extensions: { where: onlyUserId ? { userId: onlyUserId } : {}, select: { userId: true, dueAt: true } },
      },
    }),
  ]);

  const progress = new Map(progressRows.map((row) => [key(row.userId, row.itemId), row]));
  const quizzes = new Map(quizRows.map((raw) => ZQuizRow.parse(raw)).map((row) => [key(row.userId, row.itemId), row]));
  const submissions = new Map(submissionRows.map((raw) => ZSubmissionRow.parse(raw)).map((row) => [key(row.userId, row.itemId), row]));
  const assignments: ClassAssignment[] = assignmentRows.map((row) => ({
    id: row.id,
    title: row.title,
    dueAt: row.dueAt,
    latePenalty: ZLatePenalty.catch([]).parse(row.latePenalty),
    itemIds: row.items.map((item) => item.itemId),
    extensions: new Map(row.extensions.map((extension) => [extension.userId, extension.dueAt])),
  }));

  const dueOf = (assignment: ClassAssignment, userId: string): DueDate => ({
    assignmentId: assignment.id,
    ...effectiveDueAt(assignment.dueAt, assignment.extensions.get(userId)),
    latePenalty: assignment.latePenalty,
  });

  return {
    assignments,
    work: (userId, item) => {
      const found = key(userId, item.id);
      const quiz = quizzes.get(found);
      return {
        kind: item.kind,
        progress: item.kind === "EXERCISE" ? (progress.get(found) ?? null) : null,
        quiz: quiz ? { bestScore: quiz.bestScore, submitted: quiz.submitted, lastAt: quiz.lastAt, firstAt: quiz.firstAt, firstPassedAt: quiz.firstPassedAt } : null,
        submissions: submissions.get(found) ?? null,
      };
    },
    dueDate: (userId, itemId, assignmentId) => {
      if (assignmentId) {
        const chosen = assignments.find((assignment) => assignment.id === assignmentId);
        return chosen && chosen.itemIds.includes(itemId) ? dueOf(chosen, userId) : null;
      }
      return earliestDue(assignments.filter((assignment) => assignment.itemIds.includes(itemId)).map((assignment) => dueOf(assignment, userId)));
    },
  };
}
