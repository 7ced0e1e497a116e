/** A new join code for a class: the old one (and its link) stops working at once. */
import { findTaughtClass, type Viewer } from "../access/access";
import { prisma } from "../db/client";
import { storeNewJoinCode } from "./store-new-join-code";

export async function regenerateJoinCode(viewer: Viewer, classId: string): Promise<{ joinCode: string }> {
  const taught = await findTaughtClass(viewer, classId);
  return storeNewJoinCode((joinCode) =>
    prisma.class.update({ where: { id: taught.id }, data: { joinCode }, select: { joinCode: true } }).then(() => ({ joinCode })),
  );
}
