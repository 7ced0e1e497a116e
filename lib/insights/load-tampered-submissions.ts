/** The class's students' submissions flagged for tampering (regrades included), newest first, with how (result.tampering). One query. */
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import { prisma } from "../db/client";
import { scopeTables, type InsightsScope } from "./insights-scope";

/** More than this many are a class-wide incident: the newest ones say enough. */
export const TAMPERED_LIMIT = 200;

const ZReport = z.object({ what: z.string(), detail: z.string(), line: z.number().nullable().optional() });
const ZTamperedRow = z.object({
  submissionId: z.string(),
  /** The student's own submission it is (a regrade's original), for the drill-down's anchor. */
  anchorId: z.string(),
  studentId: z.string(),
  name: z.string().nullable(),
  email: z.string(),
  itemId: z.string(),
  queuedAt: z.date(),
  tampering: z.unknown(),
});
export type TamperedRow = Omit<z.infer<typeof ZTamperedRow>, "tampering"> & { reports: z.infer<typeof ZReport>[] };

export async function loadTamperedSubmissions(scope: InsightsScope): Promise<TamperedRow[]> {
  const rows = await prisma.$queryRaw<unknown[]>(Prisma.sql`
    WITH ${scopeTables(scope)}
    SELECT s.id::text AS "submissionId", COALESCE(s."regradeOfId", s.id)::text AS "anchorId", s."userId"::text AS "studentId",
           u.name, u.email, s."itemId"::text AS "itemId", s."queuedAt", s.result -> 'tampering' AS tampering
      FROM "Submission" s
      JOIN students st ON st."userId" = s."userId"
      JOIN items it ON it.id = s."itemId"
      JOIN "User" u ON u.id = s."userId"
     WHERE s.tampered AND s."interviewSessionId" IS NULL
     ORDER BY s."queuedAt" DESC, s.id
     LIMIT ${TAMPERED_LIMIT}`);
  return rows.map((raw) => {
    const { tampering, ...row } = ZTamperedRow.parse(raw);
    // The result document was validated when it was written; an older or odd one still lists, without details.
    const reports = z.array(ZReport).safeParse(tampering);
    return { ...row, reports: reports.success ? reports.data : [] };
  });
}
