/**
 * A read-only link to an interview's report: an unguessable token (192
 * random bits) that the candidate makes and may revoke; a revoked or
 * unknown token answers the same 404. Sharing again after revoking makes a
 * new token: the old link never works again.
 */
import { randomBytes } from "node:crypto";
import { AppError } from "../errors";
import { prisma } from "../db/client";
import { bilingual } from "../i18n/messages";
import { findInterview, findOwnInterview } from "./find-interview";
import { reportOf, type TInterviewReport } from "./get-report";

export const shareNotFound = () => new AppError("NOT_FOUND", bilingual("interview.error.shareNotFound"));
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export const newShareToken = () => randomBytes(24).toString("base64url");

export type TShareState = { token: string | null; sharedAt: string | null };

export async function getShareState(userId: string, sessionId: string): Promise<TShareState> {
  await findOwnInterview(userId, sessionId);
  const row = await prisma.interviewSession.findUniqueOrThrow({ where: { id: sessionId }, select: { shareToken: true, sharedAt: true } });
  return { token: row.shareToken, sharedAt: row.sharedAt?.toISOString() ?? null };
}

/** Makes the link (or returns the one already made: sharing twice is one link). */
export async function shareInterview(userId: string, sessionId: string): Promise<TShareState> {
  return prisma.$transaction(async (tx) => {
    const session = await findOwnInterview(userId, sessionId, { db: tx, lock: true });
    if (session.status === "IN_PROGRESS") throw new AppError("CONFLICT", bilingual("interview.error.shareRunning"));
    if (session.shareToken) {
      const row = await tx.interviewSession.findUniqueOrThrow({ where: { id: sessionId }, select: { sharedAt: true } });
      return { token: session.shareToken, sharedAt: row.sharedAt?.toISOString() ?? null };
    }
    const shared = await tx.interviewSession.update({
      where: { id: sessionId },
      data: { shareToken: newShareToken(), sharedAt: new Date() },
      select: { shareToken: true, sharedAt: true },
    });
    return { token: shared.shareToken, sharedAt: shared.sharedAt?.toISOString() ?? null };
  });
}

export async function revokeShare(userId: string, sessionId: string): Promise<TShareState> {
  await findOwnInterview(userId, sessionId);
  await prisma.interviewSession.update({ where: { id: sessionId }, data: { shareToken: null, sharedAt: null }, select: { id: true } });
  return { token: null, sharedAt: null };
}

export type TSharedReport = { report: TInterviewReport; candidate: string | null };

/** The report behind a share link, for anyone holding it, signed in or not. */
export async function getSharedReport(token: string): Promise<TSharedReport> {
  if (!TOKEN_PATTERN.test(token)) throw shareNotFound();
  const row = await prisma.interviewSession.findUnique({ where: { shareToken: token }, select: { id: true, user: { select: { name: true } } } });
  const session = row ? await findInterview(row.id) : null;
  const report = session ? await reportOf(session) : null;
  if (!row || !report) throw shareNotFound();
  return { report, candidate: row.user.name };
}
