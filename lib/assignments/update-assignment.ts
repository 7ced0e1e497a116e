import { AppError } from "../errors";
import { prisma } from "../db/client";
import { bilingual } from "../i18n/messages";
import type { Viewer } from "../access/access";
import { checkAssignmentItems } from "./check-assignment-items";
import { findClassAssignment } from "./find-class-assignment";
import type { TUpdateAssignmentRequest } from "./schemas";

/**
 * Changes what is given; new items replace the old list (in the order
 * given). Dates are checked against the stored ones as well: moving only
 * the due date before the opening is refused too.
 */
export async function updateAssignment(viewer: Viewer, classId: string, assignmentId: string, request: TUpdateAssignmentRequest) {
  const { class: taught, assignment } = await findClassAssignment(viewer, classId, assignmentId);
  const opensAt = request.opensAt ?? assignment.opensAt;
  const dueAt = request.dueAt ?? assignment.dueAt;
  if (opensAt >= dueAt) {
    throw new AppError("INVALID_REQUEST", bilingual("error.invalidRequest"), [{ path: "dueAt", message: bilingual("assignments.error.dueBeforeOpens") }]);
  }
  if (request.itemIds) await checkAssignmentItems(taught.courseId, request.itemIds);
  const itemIds = request.itemIds;
  return prisma.$transaction(async (transaction) => {
    if (itemIds) {
      await transaction.assignmentItem.deleteMany({ where: { assignmentId: assignment.id } });
      await transaction.assignmentItem.createMany({ data: itemIds.map((itemId, position) => ({ assignmentId: assignment.id, itemId, position })) });
    }
    return transaction.assignment.update({
      where: { id: assignment.id },
      data: { title: request.title, opensAt: request.opensAt, dueAt: request.dueAt, latePenalty: request.latePenalty },
      select: { id: true, classId: true, title: true, opensAt: true, dueAt: true, latePenalty: true },
    });
  });
}
