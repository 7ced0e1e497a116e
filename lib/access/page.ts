/**
 * The same access rules for pages as for route handlers: a signed-out
 * visitor is sent to sign in and back, a wrong role and someone else's
 * resource show the not-found page (lib/access decides; this only maps its
 * answers onto Next's navigation).
 */
import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "../auth/session";
import type { CurrentUser } from "../auth/current-user";
import { AppError } from "../errors";
import type { TRole } from "../users/schemas";
import { hasRole } from "./access";

export async function requirePageUser(callbackPath: string, roles?: readonly TRole[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  if (roles && !hasRole(user, roles)) notFound();
  return user;
}

/** A page's domain call whose NOT_FOUND (or FORBIDDEN) becomes the not-found page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}
