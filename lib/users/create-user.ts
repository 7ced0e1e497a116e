import { AppError } from "../errors";
import { prisma } from "../db/client";
import { bilingual } from "../i18n/messages";
import { hashPassword } from "../auth/password";
import { passwordWeakness } from "../auth/password-strength";
import type { TRole } from "./schemas";

export type PublicUser = { id: string; email: string; name: string | null; role: TRole };

/**
 * Creates a student account, refusing a weak password. The address named by
 * ADMIN_EMAIL becomes an admin when it signs up while the platform has no
 * admin yet (see README, "The first admin"); once one exists, it is a student
 * like anyone else (an admin promotes people).
 */
export async function createUser(
  request: { email: string; password: string; name?: string | undefined },
  options: { adminEmail?: string } = {}): Promise<PublicUser> {
  const weakness = passwordWeakness(request.password, request.email);
  if (weakness) {
    const message = bilingual(weakness);
    throw new AppError("INVALID_REQUEST", bilingual("error.invalidRequest"), [{ path: "password", message }]);
  }
  const named = Boolean(options.adminEmail && options.adminEmail.toLowerCase() === request.email);
  const role: TRole = named && (await prisma.user.count({ where: { role: "ADMIN" } })) === 0 ? "ADMIN" : "STUDENT";
  const passwordHash = await hashPassword(request.password);
  try {
    return await prisma.user.create({
      data: { email: request.email, name: request.name ?? null, passwordHash, role },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", bilingual("error.emailTaken"), []);
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
