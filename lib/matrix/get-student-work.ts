/**
 * A student's page in a class: their status on every item of the class's
 * course (the matrix's row, computed the same way), and every submission and
 * quiz attempt they made on the course outside interviews, newest first,
 * each with its lateness against the earliest assignment holding the item.
 */
import { prisma } from "../db/client";
import type { SubmissionStatus, Verdict } from "../generated/prisma/enums";
import { findClassStudent, type Viewer } from "../access/access";
import { isLate } from "../assignments/due-dates";
import { listClassItems, type ClassItem } from "../classes/class-course-items";
import { buildCell, type MatrixCell } from "./cell";
import { readClassWork } from "./read-class-work";

export type StudentWorkEntry =
  | { type: "submission"; id: string; at: Date; item: ClassItem; status: SubmissionStatus; verdict: Verdict | null; score: number | null; late: boolean | null; tampered: boolean; regrade: boolean }
  | { type: "quiz"; id: string; at: Date; item: ClassItem; submitted: boolean; score: number | null; late: boolean | null };

export type StudentWork = {
  class: { id: string; name: string };
  student: { id: string; email: string; name: string | null };
  joinedAt: Date;
  items: { item: ClassItem; cell: MatrixCell }[];
  solved: number;
  averageScore: number;
  entries: StudentWorkEntry[];
};

export async function getStudentWork(viewer: Viewer, classId: string, studentId: string, now = new Date()): Promise<StudentWork> {
  const { class: taught, student, joinedAt } = await findClassStudent(viewer, classId, studentId);
  const items = await listClassItems(taught.courseId);
  const byId = new Map(items.map((item) => [item.id, item]));
  const itemIds = items.map((item) => item.id);
  const [work, submissions, attempts] = await Promise.all([
    readClassWork(taught.id, items, student.id),
    prisma.submission.findMany({
      where: { userId: student.id, itemId: { in: itemIds }, interviewSessionId: null },
      orderBy: { queuedAt: "desc" },
      select: { id: true, itemId: true, queuedAt: true, status: true, verdict: true, score: true, tampered: true, regradeOfId: true },
    }),
    prisma.quizAttempt.findMany({
      where: { userId: student.id, itemId: { in: itemIds }, interviewSessionId: null },
      orderBy: { startedAt: "desc" },
      select: { id: true, itemId: true, startedAt: true, submittedAt: true, score: true },
    }),
  ]);
  const cells = items.map((item) => ({ item, cell: buildCell(work.work(student.id, item), work.dueDate(student.id, item.id), now) }));
  const solved = cells.filter(({ cell }) => cell.status === "solved").length;
  const averageScore = cells.length === 0 ? 0 : cells.reduce((sum, { cell }) => sum + (cell.bestScore ?? 0), 0) / cells.length;
  const lateAt = (itemId: string, at: Date) => {
    const due = work.dueDate(student.id, itemId);
    return due ? isLate(at, due.dueAt) : null;
  };

  const entries: StudentWorkEntry[] = [
    ...submissions.flatMap((submission): StudentWorkEntry[] => {
      const item = byId.get(submission.itemId);
      if (!item) return [];
      return [{
        type: "submission", id: submission.id, at: submission.queuedAt, item, status: submission.status, verdict: submission.verdict,
        score: submission.score, late: submission.regradeOfId ? null : lateAt(item.id, submission.queuedAt), tampered: submission.tampered,
        regrade: submission.regradeOfId !== null,
      }];
    }),
    ...attempts.flatMap((attempt): StudentWorkEntry[] => {
      const item = attempt.itemId ? byId.get(attempt.itemId) : undefined;
      if (!item) return [];
      const at = attempt.submittedAt ?? attempt.startedAt;
      return [{ type: "quiz", id: attempt.id, at, item, submitted: attempt.submittedAt !== null, score: attempt.score, late: attempt.submittedAt ? lateAt(item.id, at) : null }];
    }),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());

  return { class: { id: taught.id, name: taught.name }, student, joinedAt, items: cells, solved, averageScore, entries };
}
