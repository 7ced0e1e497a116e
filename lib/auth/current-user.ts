/**
 * Who is asking: the session token names a user id and the session version
 * it was issued at; the database says who that is now (a deleted user, a
 * changed role or ended sessions take effect at once: sessions.ts).
 */
import { prisma } from "../db/client";
import { isUuid } from "../ids";
import type { TRole } from "../users/schemas";

export type CurrentUser = { id: string; email: string; name: string | null; role: TRole; locale: "zh_CN" | "en" };


export async function findCurrentUser(userId: string | undefined | null, sessionVersion: unknown): Promise<CurrentUser | null> {
  if (!userId || !isUuid(userId)) return null;
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, locale: true, sessionVersion: true },
  });
  // A token from before versions existed carries none: it stands for version 0.
  const version = sessionVersion === undefined ? 0 : sessionVersion;
  if (!user || user.sessionVersion !== version) return null;
  const { sessionVersion: _current, ...current } = user;
  return current;
}
