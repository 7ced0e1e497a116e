/**
 * An assignment's items are exercises and quizzes of its class's course (not
 * lessons, not archived, not another course's): every id that is not one is
 * named in the 400, so the teacher sees each problem at once.
 */
import { AppError } from "../errors";
import { prisma } from "../db/client";
import { bilingual } from "../i18n/messages";

export async function checkAssignmentItems(courseId: string, itemIds: string[]): Promise<void> {
  const found = await prisma.courseItem.findMany({
    where: { id: { in: itemIds }, kind: { in: ["EXERCISE", "QUIZ"] }, archivedAt: null, chapter: { courseId, archivedAt: null } },
    select: { id: true },
  });
  const known = new Set(found.map((item) => item.id));
  const issues = itemIds
    .map((id, index) => ({ id, index }))
    .filter(({ id }) => !known.has(id))
    .map(({ index }) => ({ path: `itemIds.${index}`, message: bilingual("assignments.error.itemNotInCourse") }));
  if (issues.length > 0) throw new AppError("INVALID_REQUEST", bilingual("assignments.error.itemNotInCourse"), issues);
}
