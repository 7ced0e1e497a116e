/** An assignment of a class the viewer teaches (lib/access decides), or NOT_FOUND: another class's id is unknown here. */
import { AppError } from "../errors";
import { prisma } from "../db/client";
import { isUuid } from "../ids";
import { bilingual } from "../i18n/messages";
import { findTaughtClass, type Viewer } from "../access/access";

export const assignmentNotFound = () => new AppError("NOT_FOUND", bilingual("assignments.error.notFound"));

export async function findClassAssignment(viewer: Viewer, classId: string, assignmentId: string) {
  const taught = await findTaughtClass(viewer, classId);
  if (!isUuid(assignmentId)) throw assignmentNotFound();
  const assignment = await prisma.assignment.findFirst({ where: { id: assignmentId, classId: taught.id } });
  if (!assignment) throw assignmentNotFound();
  return { class: taught, assignment };
}
