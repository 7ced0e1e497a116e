/**
 * Sessions that can be ended. Session tokens are JWTs (next-auth), valid
 * until they expire unless something says otherwise: each carries the
 * user's `sessionVersion` at sign-in (`sv`), and the user is re-read on every
 * request anyway (current-user.ts), so a token whose version is older than
 * the account's names nobody. Signing out and an admin's "end sessions"
 * raise the version (as a password change will): every token issued before
 * ends, on every device, at once.
 */
import { AppError } from "../errors";
import { prisma } from "../db/client";
import { bilingual } from "../i18n/messages";
import { isUuid } from "../ids";

/** Ends every session of the account; false when there is no such account. */
export async function endSessions(userId: string): Promise<boolean> {
  if (!isUuid(userId)) return false;
  const { count } = await prisma.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  return count > 0;
}

/** An admin ends someone's sessions (a lost laptop, a shared computer): 404 for an unknown account. */
export async function endSessionsOf(userId: string): Promise<{ ended: true }> {
  if (!(await endSessions(userId))) throw new AppError("NOT_FOUND", bilingual("error.userNotFound"));
  return { ended: true };
}
