/**
 * The tests that each student's latest graded submission of an exercise
 * fails (its current verdict's test results: the newest regrade's, if
 * any), grouped by test and misconception, most students first, with each
 * of those submissions. One query.
 */
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import { prisma } from "../db/client";
import { scopeTables, type InsightsScope } from "./insights-scope";

const ZFailingTestRow = z.object({
  itemId: z.string(),
  testId: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  misconception: z.string().nullable(),
  count: z.number(),
  submissions: z.array(z.object({ studentId: z.string(), name: z.string().nullable(), email: z.string(), submissionId: z.string() })),
});
export type FailingTestRow = z.infer<typeof ZFailingTestRow>;

export async function loadFailingTests(scope: InsightsScope): Promise<FailingTestRow[]> {
  const rows = await prisma.$queryRaw<unknown[]>(Prisma.sql`
    WITH ${scopeTables(scope)},
    latest AS (
      SELECT DISTINCT ON ("userId", "itemId") id, "userId", "itemId", "effectiveId"
        FROM own ORDER BY "userId", "itemId", "queuedAt" DESC, id DESC)
    SELECT l."itemId"::text AS "itemId", t."testId", max(t."nameZh") AS "nameZh", max(t."nameEn") AS "nameEn",
           t.misconception, count(*)::int AS count,
           json_agg(json_build_object('studentId', l."userId", 'name', u.name, 'email', u.email, 'submissionId', l.id)
                    ORDER BY COALESCE(u.name, u.email), u.email) AS submissions
      FROM latest l
      JOIN "TestResult" t ON t."submissionId" = l."effectiveId" AND t.status IN ('FAILED', 'ERROR')
      JOIN "User" u ON u.id = l."userId"
     GROUP BY l."itemId", t."testId", t.misconception
     ORDER BY count(*) DESC, min(t.position), t."testId", t.misconception NULLS LAST`);
  return rows.map((raw) => ZFailingTestRow.parse(raw));
}
