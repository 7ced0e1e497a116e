import { AppError } from "../errors";
import { prisma } from "../db/client";
import { isUuid } from "../ids";
import { bilingual } from "../i18n/messages";
import type { PublicUser } from "./create-user";
import type { TRole } from "./schemas";


/**
 * An admin changes someone's role (it takes effect on the account's next
 * request: the role is read on every one). The last admin cannot be
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
    const updated = await tx.user.updateManyAndReturn({
      where: { id: userId },
      data: { role },
      select: { id: true, email: true, name: true, role: true },
    });
    const user = updated[0];
    if (!user) throw new AppError("NOT_FOUND", bilingual("error.userNotFound"));
    return user;
  });
}

export async function setUserRoleByEmail(email: string, role: TRole): Promise<PublicUser> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", bilingual("error.userNotFound"));
  return setUserRole(user.id, role);
}
