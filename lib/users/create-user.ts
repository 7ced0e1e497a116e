import { AppError } from "../errors";
import { prisma } from "../db/client";
import { bilingual } from "../i18n/messages";
import { hashPassword } from "../auth/password";
import type { TRole } from "./schemas";

export type PublicUser = { id: string; email: string; name: string | null; role: TRole };

/**
 * Creates a student account. The address named by ADMIN_EMAIL becomes the
 * first admin when it signs up (see README, "The first admin").
 */
export async function createUser(
  request: { email: string; password: string; name?: string | undefined },
  options: { adminEmail?: string } = {}): Promise<PublicUser> {
  const role: TRole = options.adminEmail && options.adminEmail.toLowerCase() === request.email ? "ADMIN" : "STUDENT";
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
