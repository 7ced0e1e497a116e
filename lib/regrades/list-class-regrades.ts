/**
 * The regrade page of a class: each exercise of its course with how many of
 * its students' latest submissions stand graded against an older version of
 * the tests (the standing grading's contentHash is not the synced
 * material's), the batch running for it if any; and the class's history of
 * regrades. Three queries, whatever the number of exercises.
 */
import { prisma } from "../db/client";
import { findTaughtClass, type Viewer } from "../access/access";
import { listClassItems, type ClassItem } from "../classes/class-course-items";
import { batchSelect, type RegradeBatchView } from "./batch-view";
import { ZPreviewSummary } from "./schemas";

export type RegradeExercise = {
  item: ClassItem;
  latestSubmissions: number;
  outdated: number;
  /** An APPLY of this exercise running now, for any class: a new one must wait. */
  runningApply: (RegradeBatchView & { requestedBy: string }) | null;
  runningPreview: (RegradeBatchView & { requestedBy: string }) | null;
};

/** changed: a finished preview's count of students whose result would change. */
export type RegradeHistoryEntry = RegradeBatchView & { requestedBy: string; exercise: ClassItem | null; changed: number | null };

export async function listClassRegrades(viewer: Viewer, classId: string) {
  const taught = await findTaughtClass(viewer, classId);
  const items = (await listClassItems(taught.courseId)).filter((item) => item.kind === "EXERCISE");
  const itemIds = items.map((item) => item.id);
  const standing = await prisma.$queryRaw<{ itemId: string; latest: bigint; outdated: bigint }[]>`
    WITH latest AS (
      SELECT DISTINCT ON (s."userId", s."itemId") s.id, s."itemId", s."contentHash"
        FROM "Submission" s
        JOIN "Enrolment" e ON e."userId" = s."userId" AND e."classId" = ${taught.id}::uuid
       WHERE s."itemId" = ANY(${itemIds}::uuid[]) AND s."regradeOfId" IS NULL AND s."interviewSessionId" IS NULL
         AND s.status = 'DONE'
       ORDER BY s."userId", s."itemId", s."queuedAt" DESC
    ), graded AS (
      SELECT latest."itemId",
             COALESCE((SELECT r."contentHash" FROM "Submission" r
                        WHERE r."regradeOfId" = latest.id AND r.status = 'DONE' AND r.verdict <> 'GRADER_ERROR'
                        ORDER BY r."queuedAt" DESC LIMIT 1), latest."contentHash") AS "contentHash"
        FROM latest
    )
    SELECT graded."itemId"::text AS "itemId", count(*) AS latest,
           count(*) FILTER (WHERE graded."contentHash" IS DISTINCT FROM g."contentHash") AS outdated
      FROM graded JOIN "ExerciseGrading" g ON g."itemId" = graded."itemId"
     GROUP BY graded."itemId"`;
  const counts = new Map(standing.map((row) => [row.itemId, row]));
  const batches = await prisma.regradeBatch.findMany({
    where: { itemId: { in: itemIds }, OR: [{ classId: taught.id }, { mode: "APPLY", status: { in: ["QUEUED", "RUNNING"] } }] },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { ...batchSelect, summary: true, requestedBy: { select: { name: true, email: true } } },
  });
  const named = (batch: (typeof batches)[number] | undefined) => {
    if (!batch) return null;
    const { summary: _summary, requestedBy, ...view } = batch;
    return { ...view, requestedBy: requestedBy.name ?? requestedBy.email };
  };
  const running = (batch: (typeof batches)[number]) => batch.status === "QUEUED" || batch.status === "RUNNING";
  const exercises: RegradeExercise[] = items.map((item) => {
    const row = counts.get(item.id);
    return {
      item,
      latestSubmissions: Number(row?.latest ?? 0),
      outdated: Number(row?.outdated ?? 0),
      runningApply: named(batches.find((batch) => batch.itemId === item.id && batch.mode === "APPLY" && running(batch))),
      runningPreview: named(batches.find((batch) => batch.itemId === item.id && batch.mode === "PREVIEW" && batch.classId === taught.id && running(batch))),
    };
  });
  const byId = new Map(items.map((item) => [item.id, item]));
  const history: RegradeHistoryEntry[] = batches
    .filter((batch) => batch.classId === taught.id)
    .map(({ requestedBy, summary, ...batch }) => ({
      ...batch,
      requestedBy: requestedBy.name ?? requestedBy.email,
      exercise: byId.get(batch.itemId) ?? null,
      changed: ZPreviewSummary.safeParse(summary).data?.counts?.changed ?? null,
    }));
  const latestPreview = new Map<string, string>();
  for (const batch of history) if (batch.mode === "PREVIEW" && !latestPreview.has(batch.itemId)) latestPreview.set(batch.itemId, batch.id);
  return { class: taught, exercises, history, latestPreview };
}
