/**
 * One assignment for its class's teachers: its items (in order, with their
 * chapter) and, for every student enrolled now, their due date (with any
 * extension) and their standing on each item and on the whole.
 */
import type { Viewer } from "../access/access";
import { listClassItems, listClassStudents, type ClassItem, type ClassStudent } from "../classes/class-course-items";
import { prisma } from "../db/client";
import { standOnAssignment, standOnItem, type ItemStanding, type StudentStanding } from "./assignment-work";
import { effectiveDueAt, ZLatePenalty, type TLatePenalty } from "./due-dates";
import { findAssignmentWork } from "./find-assignment-work";
import { findClassAssignment } from "./find-class-assignment";

export type AssignmentStudentRow = {
  student: ClassStudent;
  dueAt: Date;
  extended: boolean;
  items: ItemStanding[];
  standing: StudentStanding;
};

export type AssignmentDetail = {
  id: string;
  classId: string;
  className: string;
  courseId: string;
  title: string;
  opensAt: Date;
  dueAt: Date;
  latePenalty: TLatePenalty;
  items: ClassItem[];
  students: AssignmentStudentRow[];
};

/** A stored schedule that no longer parses is read as none: late work stays marked, unpenalised. */
export const readLatePenalty = (value: unknown): TLatePenalty => ZLatePenalty.catch([]).parse(value);

export async function getAssignment(viewer: Viewer, classId: string, assignmentId: string, now = new Date()): Promise<AssignmentDetail> {
  const { class: taught, assignment } = await findClassAssignment(viewer, classId, assignmentId);
  const [courseItems, positions, students, extensions] = await Promise.all([
    listClassItems(taught.courseId),
    prisma.assignmentItem.findMany({ where: { assignmentId: assignment.id }, orderBy: { position: "asc" }, select: { itemId: true } }),
    listClassStudents(taught.id),
    prisma.assignmentExtension.findMany({ where: { assignmentId: assignment.id }, select: { userId: true, dueAt: true } }),
  ]);
  const byId = new Map(courseItems.map((item) => [item.id, item]));
  const items = positions.flatMap(({ itemId }) => byId.get(itemId) ?? []);
  const extended = new Map(extensions.map((extension) => [extension.userId, extension.dueAt]));
  const latePenalty = readLatePenalty(assignment.latePenalty);
  const work = await findAssignmentWork(
    students.map((student) => student.id),
    items.map((item) => item.id),
  );
  return {
    id: assignment.id,
    classId: taught.id,
    className: taught.name,
    courseId: taught.courseId,
    title: assignment.title,
    opensAt: assignment.opensAt,
    dueAt: assignment.dueAt,
    latePenalty,
    items,
    students: students.map((student) => {
      const due = effectiveDueAt(assignment.dueAt, extended.get(student.id));
      const standings = items.map((item) => standOnItem(work.of(student.id, item.id), due.dueAt, latePenalty));
      return { student, dueAt: due.dueAt, extended: due.extended, items: standings, standing: standOnAssignment(standings, due.dueAt, now) };
    }),
  };
}
