/**
 * Who may see and change what, decided here and nowhere else. Every route
 * handler, server action and page that touches a class, a student's work or
 * a regrade asks one of these functions; none writes its own rule.
 *
 * The rules:
 * - a student sees only their own work;
 * - a teacher (role TEACHER, and a ClassTeacher row) sees their classes and,
 *   within them, the work of the students enrolled now, on the class's course;
 * - an admin sees every class and everyone's work.
 * Someone else's resource answers NOT_FOUND, exactly like an unknown id: its
 * existence is nobody else's business.
 */
import { AppError } from "../errors";
import { prisma } from "../db/client";
import { isUuid } from "../ids";
import { bilingual } from "../i18n/messages";
import type { TRole } from "../users/schemas";

export type Viewer = { id: string; role: TRole };

export const TEACHING_ROLES: readonly TRole[] = ["TEACHER", "ADMIN"];

export function hasRole(viewer: Viewer | null | undefined, roles: readonly TRole[]): boolean {
  return !!viewer && roles.includes(viewer.role);
}

export function assertRole(viewer: Viewer, roles: readonly TRole[]): void {
  if (!hasRole(viewer, roles)) throw new AppError("FORBIDDEN", bilingual("error.forbidden"));
}

export const classNotFound = () => new AppError("NOT_FOUND", bilingual("error.classNotFound"));
export const studentNotFound = () => new AppError("NOT_FOUND", bilingual("error.studentNotFound"));

export type TaughtClass = {
  id: string;
  name: string;
  courseId: string;
  joinCode: string | null;
  archivedAt: Date | null;
  /** The viewer's place in it: an admin who is not one of its teachers is "ADMIN". */
  access: "OWNER" | "CO_TEACHER" | "ADMIN";
};

/** A class the viewer teaches (an admin: any class), or NOT_FOUND. */
export async function findTaughtClass(viewer: Viewer, classId: string): Promise<TaughtClass> {
  if (!hasRole(viewer, TEACHING_ROLES) || !isUuid(classId)) throw classNotFound();
  const found = await prisma.class.findUnique({
    where: { id: classId },
    select: {
      id: true,
      name: true,
      courseId: true,
      joinCode: true,
      archivedAt: true,
      teachers: { where: { userId: viewer.id }, select: { role: true } },
    },
  });
  if (!found) throw classNotFound();
  const { teachers, ...taught } = found;
  const own = teachers[0]?.role;
  if (own) return { ...taught, access: own };
  if (viewer.role === "ADMIN") return { ...taught, access: "ADMIN" };
  throw classNotFound();
}

/** Managing who teaches a class (and archiving it) is its owner's, or an admin's. */
export async function findOwnedClass(viewer: Viewer, classId: string): Promise<TaughtClass> {
  const taught = await findTaughtClass(viewer, classId);
  if (taught.access === "CO_TEACHER") throw new AppError("FORBIDDEN", bilingual("error.ownerOnly"));
  return taught;
}

/** A student enrolled now in a class the viewer teaches, or NOT_FOUND. */
export async function findClassStudent(viewer: Viewer, classId: string, studentId: string) {
  const taught = await findTaughtClass(viewer, classId);
  if (!isUuid(studentId)) throw studentNotFound();
  const enrolment = await prisma.enrolment.findUnique({
    where: { classId_userId: { classId: taught.id, userId: studentId } },
    select: { createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!enrolment) throw studentNotFound();
  return { class: taught, student: enrolment.user, joinedAt: enrolment.createdAt };
}

/**
 * May the viewer see this student's work on this item? Their own, an
 * admin's, or a teacher of a class the student is in now whose course holds
 * the item. One query. A mock interview's work is its candidate's alone,
 * and only once the interview is over: its verdicts are held back until
 * the report (lib/interviews).
 */
export async function mayViewWork(viewer: Viewer, work: { userId: string; itemId: string; interviewSessionId?: string | null }): Promise<boolean> {
  if (work.interviewSessionId) {
    if (work.userId !== viewer.id) return false;
    const session = await prisma.interviewSession.findUnique({ where: { id: work.interviewSessionId }, select: { status: true } });
    return session !== null && session.status !== "IN_PROGRESS";
  }
  if (work.userId === viewer.id || viewer.role === "ADMIN") return true;
  if (viewer.role !== "TEACHER") return false;
  const enrolment = await prisma.enrolment.findFirst({
    where: {
      userId: work.userId,
      class: {
        teachers: { some: { userId: viewer.id } },
        course: { chapters: { some: { items: { some: { id: work.itemId } } } } },
      },
    },
    select: { id: true },
  });
  return enrolment !== null;
}

/**
 * The classes whose students' submissions of an exercise the viewer may
 * regrade: a teacher, the given class if they teach it and its course holds
 * the exercise; an admin, the given class, or everyone (null).
 */
export async function findRegradeScope(viewer: Viewer, exerciseId: string, classId: string | null): Promise<{ classId: string | null }> {
  assertRole(viewer, TEACHING_ROLES);
  if (classId === null) {
    if (viewer.role !== "ADMIN") throw new AppError("FORBIDDEN", bilingual("error.regradeNeedsClass"));
    return { classId: null };
  }
  const taught = await findTaughtClass(viewer, classId);
  const holds = await prisma.courseItem.findFirst({
    where: { id: exerciseId, kind: "EXERCISE", chapter: { courseId: taught.courseId } },
    select: { id: true },
  });
  if (!holds) throw new AppError("NOT_FOUND", bilingual("error.exerciseNotFound"));
  return { classId: taught.id };
}
