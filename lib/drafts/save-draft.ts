/**
 * The editor's content, saved as the student types (the page debounces),
 * per student and exercise: a reload or another device finds it. The last
 * save wins; its time comes back so the page can say "saved at …".
 */
import { AppError } from "../errors";
import { prisma } from "../db/client";
import { bilingual } from "../i18n/messages";
import { isUuid } from "../ids";
import type { TSaveDraftRequest } from "./schemas";

export async function saveDraft(userId: string, itemId: string, request: TSaveDraftRequest) {
  if (!isUuid(itemId)) throw new AppError("NOT_FOUND", bilingual("error.exerciseNotFound"));
  const exercise = await prisma.courseItem.findFirst({ where: { id: itemId, kind: "EXERCISE", archivedAt: null }, select: { id: true } });
  if (!exercise) throw new AppError("NOT_FOUND", bilingual("error.exerciseNotFound"));
  return prisma.draft.upsert({
    where: { userId_itemId: { userId, itemId } },
    create: { userId, itemId, code: request.code },
    update: { code: request.code },
    select: { updatedAt: true },
  });
}

export async function getDraft(userId: string, itemId: string) {
  if (!isUuid(itemId)) throw new AppError("NOT_FOUND", bilingual("error.exerciseNotFound"));
  const draft = await prisma.draft.findUnique({ where: { userId_itemId: { userId, itemId } }, select: { code: true, updatedAt: true } });
  return draft;
}
