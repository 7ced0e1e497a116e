/**
 * A mock interview, for its candidate only: someone else's and an unknown
 * id answer the same 404. Work on it (answers, code, flags) is accepted
 * while it runs and before its deadline, by the server's clock; after that
 * it is refused, whatever the page's timer said.
 */
import { AppError } from "../errors";
import { prisma, type Database, type Prisma, type Transaction } from "../db/client";
import { isUuid } from "../ids";
import { bilingual } from "../i18n/messages";
import { ZInterviewConfig } from "./schemas";

export const interviewNotFound = () => new AppError("NOT_FOUND", bilingual("interview.error.notFound"));
export const interviewOver = () => new AppError("CONFLICT", bilingual("interview.error.over"));

const sessionSelect = {
  id: true,
  userId: true,
  status: true,
  config: true,
  startedAt: true,
  endsAt: true,
  finishedAt: true,
  score: true,
  itemSeconds: true,
  flagged: true,
  focusPosition: true,
  focusAt: true,
  activeTabId: true,
  activeTabSeenAt: true,
  shareToken: true,
} as const;

type SessionRow = Prisma.InterviewSessionGetPayload<{ select: typeof sessionSelect }>;

/**
 * The row, locked, in one statement: every save of every candidate comes
 * here, and a statement less inside the transaction is a connection held
 * for a round trip less (bench/interview.ts). The columns are sessionSelect's.
 */
async function lockSessionRow(db: Database | Transaction, sessionId: string): Promise<SessionRow | undefined> {
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT id, "userId", status, config, "startedAt", "endsAt", "finishedAt", score, "itemSeconds", flagged,
           "focusPosition", "focusAt", "activeTabId", "activeTabSeenAt", "shareToken"
      FROM "InterviewSession" WHERE id = ${sessionId}::uuid FOR UPDATE`;
  return rows[0];
}

export async function findInterview(sessionId: string, options: { db?: Database | Transaction; lock?: boolean } = {}) {
  const db = options.db ?? prisma;
  if (!isUuid(sessionId)) return null;
  // Every write takes the row's lock: a save cannot slip in after the interview was handed in.
  const session = options.lock
    ? await lockSessionRow(db, sessionId)
    : await db.interviewSession.findUnique({ where: { id: sessionId }, select: sessionSelect });
  return session ? { ...session, config: ZInterviewConfig.parse(session.config) } : null;
}

export type Interview = NonNullable<Awaited<ReturnType<typeof findInterview>>>;

/** What every view of an interview opens with: which one, its length and level, when it began and ends. */
export function interviewHeader(session: Interview) {
  return {
    id: session.id,
    status: session.status,
    format: session.config.format,
    level: session.config.level,
    minutes: session.config.minutes,
    startedAt: session.startedAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
  };
}

export async function findOwnInterview(userId: string, sessionId: string, options: { db?: Database | Transaction; lock?: boolean } = {}) {
  const session = await findInterview(sessionId, options);
  if (!session || session.userId !== userId) throw interviewNotFound();
  return session;
}

/** Running, and its deadline not passed: answers may still be given. */
export function isOpen(session: Pick<Interview, "status" | "endsAt">, now: Date): boolean {
  return session.status === "IN_PROGRESS" && now.getTime() < session.endsAt.getTime();
}

/** isOpen as a query's filter on InterviewSession rows. */
export const openAt = (now: Date) => ({ status: "IN_PROGRESS" as const, endsAt: { gt: now } });

export function assertOpen(session: Pick<Interview, "status" | "endsAt">, now: Date): void {
  if (!isOpen(session, now)) throw interviewOver();
}

/** What a save needs of the interview's question attempt: the draw and its options' order, fixed at the start. */
export async function findInterviewDraw(sessionId: string, db: Database | Transaction = prisma) {
  const attempt = await db.quizAttempt.findFirst({ where: { interviewSessionId: sessionId }, select: { id: true, questionIds: true, optionOrder: true } });
  if (!attempt) throw new Error(`interview ${sessionId} has no question attempt`);
  return attempt;
}

/** The interview's question attempt (one per interview, made with it). */
export async function findInterviewAttempt(sessionId: string, db: Database | Transaction = prisma) {
  const attempt = await db.quizAttempt.findFirst({
    where: { interviewSessionId: sessionId },
    select: { id: true, questionIds: true, optionOrder: true, answers: { select: { questionId: true, answer: true, correct: true, score: true, answeredAt: true } } },
  });
  if (!attempt) throw new Error(`interview ${sessionId} has no question attempt`);
  return attempt;
}
