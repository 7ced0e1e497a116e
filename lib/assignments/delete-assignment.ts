import { prisma } from "../db/client";
import type { Viewer } from "../access/access";
import { findClassAssignment } from "./find-class-assignment";

/** Deletes the assignment with its items and extensions; the students' work stays. */
export async function deleteAssignment(viewer: Viewer, classId: string, assignmentId: string): Promise<void> {
  const { assignment } = await findClassAssignment(viewer, classId, assignmentId);
  await prisma.assignment.delete({ where: { id: assignment.id } });
}
