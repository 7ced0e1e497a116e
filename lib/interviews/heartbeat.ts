/**
 * The open tab reports every few seconds (and on every move between
 * items): the server adds the time since the last report to the item that
 * was open, by its own clock, tells the tab if another one is open on the
 * same interview, and answers with its clock and the deadline, from which
 * the page re-sets its countdown (a device asleep or with a skewed clock
 * cheats neither way).
 */
import { prisma } from "../db/client";
import { findOwnInterview, isOpen, type Interview } from "./find-interview";
import { FOCUS_STRETCH_MAX_SECONDS } from "./formats";
import type { THeartbeatRequest } from "./schemas";
import { tabPresence } from "./save-work";

export type THeartbeat = { status: Interview["status"]; serverNow: string; endsAt: string; otherTab: boolean };

/** itemSeconds with the stretch since the last report added to the item that was open. Pure. */
export function addFocusTime(session: Pick<Interview, "itemSeconds" | "focusPosition" | "focusAt" | "endsAt">, now: Date): number[] {
  const seconds = [...session.itemSeconds];
  if (session.focusPosition === null || session.focusAt === null || session.focusPosition >= seconds.length) return seconds;
  const until = Math.min(now.getTime(), session.endsAt.getTime());
  const stretch = Math.max(0, Math.min(FOCUS_STRETCH_MAX_SECONDS, (until - session.focusAt.getTime()) / 1000));
  seconds[session.focusPosition] = Math.round((seconds[session.focusPosition]! + stretch) * 1000) / 1000;
  return seconds;
}

export async function interviewHeartbeat(userId: string, sessionId: string, request: THeartbeatRequest): Promise<THeartbeat> {
  return prisma.$transaction(async (tx) => {
    const session = await findOwnInterview(userId, sessionId, { db: tx, lock: true });
    const now = new Date();
    const presence = tabPresence(session, request.tabId, now);
    if (isOpen(session, now)) {
      // Only the tab last seen counts time: two tabs open do not count it twice.
      const counts = !presence.otherTab;
      const position = request.position !== null && request.position < session.itemSeconds.length ? request.position : null;
      await tx.interviewSession.update({
        where: { id: session.id },
        data: {
          ...presence.data,
          ...(counts ? { itemSeconds: addFocusTime(session, now), focusPosition: position, focusAt: now } : {}),
        },
        select: { id: true },
      });
    }
    return { status: session.status, serverNow: now.toISOString(), endsAt: session.endsAt.toISOString(), otherTab: presence.otherTab };
  });
}
