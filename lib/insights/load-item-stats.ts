/** Per item of the scope: students started and solved, median attempts and time until solved, quizzes' median best score. One query. */
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import { prisma } from "../db/client";
import { scopeTables, workTable, type InsightsScope } from "./insights-scope";

const ZItemStats = z.object({
  itemId: z.string(),
  started: z.number(),
  solved: z.number(),
  medianAttempts: z.number().nullable(),
  medianSeconds: z.number().nullable(),
  medianScore: z.number().nullable(),
});
export type ItemStats = z.infer<typeof ZItemStats>;

export async function loadItemStats(scope: InsightsScope): Promise<Map<string, ItemStats>> {
  const rows = await prisma.$queryRaw<unknown[]>(Prisma.sql`
    WITH ${scopeTables(scope)}, ${workTable}
    SELECT "itemId"::text AS "itemId", count(*)::int AS started, count("solvedAt")::int AS solved,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY attempts) FILTER (WHERE "solvedAt" IS NOT NULL) AS "medianAttempts",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "solvedAt" - "startedAt")) FILTER (WHERE "solvedAt" IS NOT NULL) AS "medianSeconds",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY best) FILTER (WHERE best IS NOT NULL) AS "medianScore"
      FROM work GROUP BY "itemId"`);
  return new Map(rows.map((raw) => {
    const row = ZItemStats.parse(raw);
    return [row.itemId, row];
  }));
}
