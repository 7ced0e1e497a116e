import { prisma } from "../db/client";
import { burnPasswordCheck, verifyPassword } from "../auth/password";
import type { PublicUser } from "./create-user";
import type { TSignInRequest } from "./schemas";

/** The user for a correct email and password, or null (without saying which part was wrong). */
export async function verifyCredentials(request: TSignInRequest): Promise<(PublicUser & { sessionVersion: number }) | null> {
  const user = await prisma.user.findUnique({
    where: { email: request.email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, sessionVersion: true },
  });
  if (!user) {
    await burnPasswordCheck(request.password);
    return null;
  }
  if (!(await verifyPassword(request.password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
