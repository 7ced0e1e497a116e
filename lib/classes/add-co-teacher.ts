/**
 * The owner adds a teacher by email. The account must exist and be a
 * teacher (or admin): a student cannot be given a class's students' work.
 * Adding someone who already teaches the class changes nothing.
 */
import { findOwnedClass, hasRole, TEACHING_ROLES, type Viewer } from "../access/access";
import { prisma } from "../db/client";
import { AppError } from "../errors";
import { bilingual } from "../i18n/messages";
import type { TAddCoTeacherRequest } from "./schemas";

export async function addCoTeacher(viewer: Viewer, classId: string, request: TAddCoTeacherRequest) {
  const owned = await findOwnedClass(viewer, classId);
  const teacher = await prisma.user.findUnique({ where: { email: request.email }, select: { id: true, email: true, name: true, role: true } });
  if (!teacher) throw new AppError("NOT_FOUND", bilingual("classes.error.noSuchAccount"));
  if (!hasRole(teacher, TEACHING_ROLES)) throw new AppError("CONFLICT", bilingual("classes.error.notATeacher"));
  const row = await prisma.classTeacher.upsert({
    where: { classId_userId: { classId: owned.id, userId: teacher.id } },
    create: { classId: owned.id, userId: teacher.id, role: "CO_TEACHER" },
    update: {},
    select: { role: true },
  });
  return { teacher: { id: teacher.id, email: teacher.email, name: teacher.name, role: row.role } };
}
