import { prisma } from "../db/client";
import { findClassStudent, type Viewer } from "../access/access";
import { findClassAssignment } from "./find-class-assignment";

/** The student is due on the assignment's date again. Removing none is not an error (idempotent). */
export async function removeExtension(viewer: Viewer, classId: string, assignmentId: string, studentId: string): Promise<void> {
  const { assignment } = await findClassAssignment(viewer, classId, assignmentId);
  const { student } = await findClassStudent(viewer, classId, studentId);
  await prisma.assignmentExtension.deleteMany({ where: { assignmentId: assignment.id, userId: student.id } });
}
