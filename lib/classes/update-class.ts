/** Renames a class (any of its teachers) or archives / unarchives it (its owner). */
import { findOwnedClass, findTaughtClass, type Viewer } from "../access/access";
import { prisma } from "../db/client";
import type { TUpdateClassRequest } from "./schemas";

export async function updateClass(viewer: Viewer, classId: string, request: TUpdateClassRequest) {
  const taught = request.archived === undefined ? await findTaughtClass(viewer, classId) : await findOwnedClass(viewer, classId);
  const archivedAt = request.archived === undefined ? undefined : request.archived ? (taught.archivedAt ?? new Date()) : null;
  return prisma.class.update({
    where: { id: taught.id },
    data: { name: request.name, archivedAt },
    select: { id: true, name: true, courseId: true, joinCode: true, archivedAt: true },
  });
}
