/**
 * A class's assignments by due date, each with how many of the students
 * enrolled now are done, late (late work or overdue), in progress or not
 * started. A fixed number of queries for the whole class.
 */
import { findTaughtClass, type Viewer } from "../access/access";
import { listClassStudents } from "../classes/class-course-items";
import { prisma } from "../db/client";
import { standOnAssignment, standOnItem } from "./assignment-work";
import { effectiveDueAt } from "./due-dates";
import { findAssignmentWork } from "./find-assignment-work";
import { readLatePenalty } from "./get-assignment";

export type ClassAssignmentSummary = {
  id: string;
  title: string;
  opensAt: Date;
  dueAt: Date;
  itemCount: number;
  extensionCount: number;
  counts: { done: number; late: number; inProgress: number; notStarted: number; students: number };
};

export async function listClassAssignments(viewer: Viewer, classId: string, now = new Date()): Promise<ClassAssignmentSummary[]> {
  const taught = await findTaughtClass(viewer, classId);
  const [assignments, students] = await Promise.all([
    prisma.assignment.findMany({
      where: { classId: taught.id },
      orderBy: [{ dueAt: "asc" }, { title: "asc" }],
      select: {
        id: true,
        title: true,
        opensAt: true,
        dueAt: true,
        latePenalty: true,
        items: { orderBy: { position: "asc" }, select: { itemId: true } },
        extensions: { select: { userId: true, dueAt: true } },
      },
    }),
    listClassStudents(taught.id),
  ]);
  const work = await findAssignmentWork(
    students.map((student) => student.id),
    [...new Set(assignments.flatMap((assignment) => assignment.items.map((item) => item.itemId)))],
  );
  return assignments.map((assignment) => {
    const schedule = readLatePenalty(assignment.latePenalty);
    const extended = new Map(assignment.extensions.map((extension) => [extension.userId, extension.dueAt]));
    const counts = { done: 0, late: 0, inProgress: 0, notStarted: 0, students: students.length };
    for (const student of students) {
      const { dueAt } = effectiveDueAt(assignment.dueAt, extended.get(student.id));
      const standings = assignment.items.map((item) => standOnItem(work.of(student.id, item.itemId), dueAt, schedule));
      const { state } = standOnAssignment(standings, dueAt, now);
      if (state === "done") counts.done += 1;
      else if (state === "late" || state === "overdue") counts.late += 1;
      else if (state === "inProgress") counts.inProgress += 1;
      else counts.notStarted += 1;
    }
    return {
      id: assignment.id,
      title: assignment.title,
      opensAt: assignment.opensAt,
      dueAt: assignment.dueAt,
      itemCount: assignment.items.length,
      extensionCount: assignment.extensions.length,
      counts,
    };
  });
}
