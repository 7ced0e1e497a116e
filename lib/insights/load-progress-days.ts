/**
 * Per day in the teacher's time zone: (student, item) pairs first solved
 * that day, and students active that day (a graded submission or a
 * submitted quiz attempt). Only days with something in them; one query.
 */
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import { prisma } from "../db/client";
import { scopeTables, workTable, type InsightsScope } from "./insights-scope";
import type { DayCount } from "./progress-series";

const ZDayRow = z.object({ day: z.string(), solved: z.number(), active: z.number() });

export async function loadProgressDays(scope: InsightsScope, timeZone: string): Promise<DayCount[]> {
  // Timestamps are stored as UTC without a zone: read them as UTC, then as the teacher's wall clock.
  const day = (column: Prisma.Sql) => Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::date`;
  const rows = await prisma.$queryRaw<unknown[]>(Prisma.sql`
    WITH ${scopeTables(scope)}, ${workTable},
    solved AS (SELECT ${day(Prisma.sql`"solvedAt"`)} AS day, count(*)::int AS solved FROM work WHERE "solvedAt" IS NOT NULL GROUP BY 1),
    events AS (
      SELECT "userId", ${day(Prisma.sql`"queuedAt"`)} AS day FROM own
      UNION ALL
      SELECT "userId", ${day(Prisma.sql`"submittedAt"`)} AS day FROM quiz),
    active AS (SELECT day, count(DISTINCT "userId")::int AS active FROM events GROUP BY day)
    SELECT to_char(COALESCE(s.day, a.day), 'YYYY-MM-DD') AS day, COALESCE(s.solved, 0) AS solved, COALESCE(a.active, 0) AS active
      FROM solved s FULL JOIN active a ON a.day = s.day
     ORDER BY 1`);
  return rows.map((raw) => ZDayRow.parse(raw));
}
