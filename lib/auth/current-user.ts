/**
 * Who is asking: the session token names a user id; the database says who
 * that is now (a deleted user or a changed role takes effect at once).
 */
import { prisma } from "../db/client";
import type { TRole } from "../users/schemas";

export type CurrentUser = { id: string; email: string; name: string | null; role: TRole; locale: "zh_CN" | "en" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findCurrentUser(userId: string | undefined | null): Promise<CurrentUser | null> {
  if (!userId || !UUID.test(userId)) return null;
  return prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, locale: true },
  });
}
