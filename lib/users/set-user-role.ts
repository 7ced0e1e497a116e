import { AppError } from "../errors";
import { prisma } from "../db/client";
import { isUuid } from "../ids";
import { bilingual } from "../i18n/messages";
import type { PublicUser } from "./create-user";
import type { TRole } from "./schemas";


/**
 * An admin changes someone's role. The account's sessions end (it signs in
 * again with its new role on every device), and the last admin cannot be
 * demoted: the admins' rows are locked while the change is decided, so two
 * admins demoting each other at once leave one.
 */
export async function setUserRole(userId: string, role: TRole): Promise<PublicUser> {
  // A malformed id names no user: answer 404, as for any unknown id.
  if (!isUuid(userId)) throw new AppError("NOT_FOUND", bilingual("error.userNotFound"));
  return prisma.$transaction(async (tx) => {
    const admins = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "role" = 'ADMIN' ORDER BY "id" FOR UPDATE`;
    if (role !== "ADMIN" && admins.length === 1 && admins[0]!.id === userId) {
      throw new AppError("CONFLICT", bilingual("error.lastAdmin"));
    }
    const current = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!current) throw new AppError("NOT_FOUND", bilingual("error.userNotFound"));
    return tx.user.update({
      where: { id: userId },
      data: current.role === role ? { role } : { role, sessionVersion: { increment: 1 } },
      select: { id: true, email: true, name: true, role: true },
    });
  });
}

export async function setUserRoleByEmail(email: string, role: TRole): Promise<PublicUser> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", bilingual("error.userNotFound"));
  return setUserRole(user.id, role);
}
