/**
 * A student joins a class with its code. Guessing codes is rate limited per
 * user (every attempt spends, so a valid code does not reveal itself by
 * being free); joining twice is fine and changes nothing.
 */
import type { Viewer } from "../access/access";
import { prisma } from "../db/client";
import { spendOrThrow, type Bucket } from "../http/rate-limit";
import { bilingual } from "../i18n/messages";
import { classArchived } from "./errors";
import { findClassByJoinCode } from "./find-class-by-join-code";
import type { TJoinClassRequest } from "./schemas";

/** 10 attempts, then one every 30 s: a teacher's code is typed once or twice, a guesser needs millennia. */
export const joinAttemptsBucket = (): Bucket => ({ capacity: Number(process.env.JOIN_ATTEMPTS_PER_USER ?? "") || 10, perSecond: 1 / 30 });

export async function joinClass(viewer: Viewer, request: TJoinClassRequest) {
  await spendOrThrow([{ key: `join:user:${viewer.id}`, bucket: joinAttemptsBucket() }], (seconds) =>
    bilingual("classes.error.joinRateLimited", () => ({ seconds })),
  );
  const found = await findClassByJoinCode(request.code, viewer);
  if (found.member) return { class: { id: found.id, name: found.name }, alreadyMember: true };
  if (found.archived) throw classArchived();
  await prisma.enrolment.upsert({
    where: { classId_userId: { classId: found.id, userId: viewer.id } },
    create: { classId: found.id, userId: viewer.id },
    update: {},
  });
  return { class: { id: found.id, name: found.name }, alreadyMember: false };
}
