/** The signed-in user for server components and server actions. */
import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import { findCurrentUser, type CurrentUser } from "./current-user";

export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  return findCurrentUser(session?.user?.id, session?.user?.sessionVersion);
}
