import { AppError } from "../errors";
import { prisma } from "../db/client";
import { bilingual } from "../i18n/messages";
import { findClassStudent, type Viewer } from "../access/access";
import { findClassAssignment } from "./find-class-assignment";

/**
 * Gives a student enrolled in the class their own due date. It must come
 * after the assignment's: an earlier one is not an extension (the 400 says so).
 */
export async function setExtension(viewer: Viewer, classId: string, assignmentId: string, studentId: string, dueAt: Date) {
  const { assignment } = await findClassAssignment(viewer, classId, assignmentId);
  const { student } = await findClassStudent(viewer, classId, studentId);
  if (dueAt <= assignment.dueAt) {
    throw new AppError("INVALID_REQUEST", bilingual("assignments.error.extensionNotLater"), [
      { path: "dueAt", message: bilingual("assignments.error.extensionNotLater") },
    ]);
  }
  return prisma.assignmentExtension.upsert({
    where: { assignmentId_userId: { assignmentId: assignment.id, userId: student.id } },
    create: { assignmentId: assignment.id, userId: student.id, dueAt },
    update: { dueAt },
    select: { assignmentId: true, userId: true, dueAt: true },
  });
}
