/** A student leaves a class; its teachers no longer see their work. */
import type { Viewer } from "../access/access";
import { classNotFound } from "../access/access";
import { prisma } from "../db/client";
import { isUuid } from "../ids";

export async function leaveClass(viewer: Viewer, classId: string): Promise<{ left: true }> {
  if (!isUuid(classId)) throw classNotFound();
  const removed = await prisma.enrolment.deleteMany({ where: { classId, userId: viewer.id } });
  if (removed.count === 0) throw classNotFound();
  return { left: true };
}
