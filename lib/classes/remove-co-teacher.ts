/** The owner removes a co-teacher; the owner themself stays. */
import { findOwnedClass, type Viewer } from "../access/access";
import { prisma } from "../db/client";
import { AppError } from "../errors";
import { bilingual } from "../i18n/messages";
import { isUuid } from "../ids";
import { teacherNotFound } from "./errors";

export async function removeCoTeacher(viewer: Viewer, classId: string, userId: string): Promise<{ removed: true }> {
  const owned = await findOwnedClass(viewer, classId);
  if (!isUuid(userId)) throw teacherNotFound();
  const row = await prisma.classTeacher.findUnique({ where: { classId_userId: { classId: owned.id, userId } }, select: { role: true } });
  if (!row) throw teacherNotFound();
  if (row.role === "OWNER") throw new AppError("CONFLICT", bilingual("classes.error.ownerCannotBeRemoved"));
  await prisma.classTeacher.delete({ where: { classId_userId: { classId: owned.id, userId } } });
  return { removed: true };
}
