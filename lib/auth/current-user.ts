/**
 * Who is asking: the session token names a user id; the database says who
 * that is now (a deleted user or a changed role takes effect at once).
 */
import { prisma } from "../db/client";
import { isUuid } from "../ids";
import type { TRole } from "../users/schemas";

export type CurrentUser = { id: string; email: string; name: string | null; role: TRole; locale: "zh_CN" | "en" };


export async function findCurrentUser(userId: string | undefined | null): Promise<CurrentUser | null> {
  if (!userId || !isUuid(userId)) return null;
  return prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, locale: true },
  });
}
