/** The candidate's interviews, newest first, with the scores for the trend (oldest to newest). */
import { prisma } from "../db/client";
import { ZInterviewConfig } from "./schemas";
import { isOpen } from "./find-interview";
import type { TInterviewFormat, TInterviewLevel } from "./formats";

export type TInterviewSummary = {
  id: string;
  status: "IN_PROGRESS" | "FINISHED" | "EXPIRED";
  format: TInterviewFormat;
  level: TInterviewLevel;
  startedAt: string;
  endsAt: string;
  finishedAt: string | null;
  score: number | null;
  /** Running and before its deadline: the page offers to resume it. */
  running: boolean;
};

export const HISTORY_MAX = 100;

export async function listInterviews(userId: string, now = new Date()): Promise<TInterviewSummary[]> {
  const rows = await prisma.interviewSession.findMany({
    where: { userId },
    orderBy: { startedAt: "desc" },
    take: HISTORY_MAX,
    select: { id: true, status: true, config: true, startedAt: true, endsAt: true, finishedAt: true, score: true },
  });
  return rows.map((row) => {
    const config = ZInterviewConfig.parse(row.config);
    return {
      id: row.id,
      status: row.status,
      format: config.format,
      level: config.level,
      startedAt: row.startedAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
      score: row.score,
      running: isOpen(row, now),
    };
  });
}
