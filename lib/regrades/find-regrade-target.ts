/**
 * What every regrade request starts with: who may regrade what (lib/access
 * decides), the exercise as it stands, and a modest limit per requester. The
 * limit is only against abuse: two regrades of one exercise at once are kept
 * apart by the batch itself (apply-regrade.ts, request-regrade-preview.ts).
 */
import { AppError } from "../errors";
import { prisma } from "../db/client";
import { bilingual } from "../i18n/messages";
import { spendOrThrow } from "../http/rate-limit";
import { findRegradeScope, type Viewer } from "../access/access";

/** Ten requests in a row, then one a minute, per teacher or admin. */
export const REGRADE_BUCKET = { capacity: 10, perSecond: 1 / 60 };

export async function findRegradeTarget(viewer: Viewer, exerciseId: string, classId: string | null) {
  if (classId === null && viewer.role !== "ADMIN") throw new AppError("FORBIDDEN", bilingual("regrade.error.useClassPage"));
  const scope = await findRegradeScope(viewer, exerciseId, classId);
  const exercise = await prisma.courseItem.findFirst({ where: { id: exerciseId, kind: "EXERCISE" }, select: { id: true, contentHash: true } });
  if (!exercise) throw new AppError("NOT_FOUND", bilingual("error.exerciseNotFound"));
  await spendOrThrow([{ key: `regrade:user:${viewer.id}`, bucket: REGRADE_BUCKET }], (seconds) =>
    bilingual("regrade.error.rateLimited", () => ({ seconds })),
  );
  return { classId: scope.classId, exercise };
}
