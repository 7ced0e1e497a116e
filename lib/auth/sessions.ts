/**
 * Sessions that can be ended. Session tokens are JWTs (next-auth), valid
 * until they expire unless something says otherwise: each carries the
 * user's `sessionVersion` at sign-in (`sv`), and the user is re-read on every
 * request anyway (current-user.ts), so a token whose version is older than
 * the account's names nobody. Signing out, a password change and an admin's
 * change to the account raise the version: every token issued before ends,
 * on every device, at once.
 */
import { prisma } from "../db/client";

export async function endSessions(userId: string): Promise<void> {
  await prisma.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
