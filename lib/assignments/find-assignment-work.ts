/**
 * The students' work on the items, as assignment-work.ts reads it: progress
 * (solved when, attempts) and each graded attempt's time and score — an
 * exercise's own submissions (a regrade's score counts at the time of the
 * submission it regrades, so a regrade never makes work late), a quiz's
 * submitted attempts; mock interviews and regrade previews are not
 * assignment work. Three queries whatever the number of students and items.
 */
import { prisma } from "../db/client";
import { NO_WORK, type ItemWork } from "./assignment-work";

export type WorkTable = { of(userId: string, itemId: string): ItemWork };

export async function findAssignmentWork(userIds: string[], itemIds: string[]): Promise<WorkTable> {
  const table = new Map<string, ItemWork>();
  const key = (userId: string, itemId: string) => `${userId}:${itemId}`;
  const entry = (userId: string, itemId: string) => {
    let work = table.get(key(userId, itemId));
    if (!work) table.set(key(userId, itemId), (work = { solvedAt: null, attempts: 0, scores: [] }));
    return work;
  };
  if (userIds.length > 0 && itemIds.length > 0) {
    const where = { userId: { in: userIds }, itemId: { in: itemIds } };
    const [progress, submissions, attempts] = await Promise.all([
      prisma.progress.findMany({ where, select: { userId: true, itemId: true, solvedAt: true, attempts: true } }),
      prisma.submission.findMany({
        // A preview regrade's scores are the teacher's question, not the student's work.
        where: { ...where, score: { not: null }, interviewSessionId: null, OR: [{ regradeBatchId: null }, { regradeBatch: { mode: { not: "PREVIEW" } } }] },
        select: { userId: true, itemId: true, queuedAt: true, score: true, regradeOf: { select: { queuedAt: true } } },
      }),
      prisma.quizAttempt.findMany({
        where: { ...where, submittedAt: { not: null }, score: { not: null }, interviewSessionId: null },
        select: { userId: true, itemId: true, submittedAt: true, score: true },
      }),
    ]);
    for (const row of progress) Object.assign(entry(row.userId, row.itemId), { solvedAt: row.solvedAt, attempts: row.attempts });
    for (const row of submissions) entry(row.userId, row.itemId).scores.push({ at: row.regradeOf?.queuedAt ?? row.queuedAt, score: row.score ?? 0 });
    for (const row of attempts) {
      if (row.itemId && row.submittedAt) entry(row.userId, row.itemId).scores.push({ at: row.submittedAt, score: row.score ?? 0 });
    }
  }
  return { of: (userId, itemId) => table.get(key(userId, itemId)) ?? NO_WORK };
}
