/** Nobody joins a class by code until a new one is made. */
import { findTaughtClass, type Viewer } from "../access/access";
import { prisma } from "../db/client";

export async function revokeJoinCode(viewer: Viewer, classId: string): Promise<{ joinCode: null }> {
  const taught = await findTaughtClass(viewer, classId);
  await prisma.class.update({ where: { id: taught.id }, data: { joinCode: null } });
  return { joinCode: null };
}
