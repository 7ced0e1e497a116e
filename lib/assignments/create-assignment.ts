import { prisma } from "../db/client";
import { findTaughtClass, type Viewer } from "../access/access";
import { checkAssignmentItems } from "./check-assignment-items";
import type { TCreateAssignmentRequest } from "./schemas";

/** A new assignment of a class the viewer teaches, its items in the order given. */
export async function createAssignment(viewer: Viewer, classId: string, request: TCreateAssignmentRequest) {
  const taught = await findTaughtClass(viewer, classId);
  await checkAssignmentItems(taught.courseId, request.itemIds);
  return prisma.assignment.create({
    data: {
      classId: taught.id,
      title: request.title,
      opensAt: request.opensAt,
      dueAt: request.dueAt,
      latePenalty: request.latePenalty,
      items: { create: request.itemIds.map((itemId, position) => ({ itemId, position })) },
    },
    select: { id: true, classId: true, title: true, opensAt: true, dueAt: true, latePenalty: true },
  });
}
