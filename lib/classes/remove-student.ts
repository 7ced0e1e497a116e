/** A teacher takes a student out of their class: the student no longer sees it, nor its teachers their work. */
import { findClassStudent, type Viewer } from "../access/access";
import { prisma } from "../db/client";

export async function removeStudent(viewer: Viewer, classId: string, studentId: string): Promise<{ removed: true }> {
  const { class: taught, student } = await findClassStudent(viewer, classId, studentId);
  await prisma.enrolment.deleteMany({ where: { classId: taught.id, userId: student.id } });
  return { removed: true };
}
