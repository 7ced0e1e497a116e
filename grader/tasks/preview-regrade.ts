/**
 * The preview of a regrade: each student's latest own submission (not a
 * regrade, not an interview's) is graded with the exercise's current
 * grading material in the sandbox, and only the batch is written: no
 * submission, no verdict, no progress. The verdicts still come from the
 * judge alone (runHarness).
 *
 * Idempotent and resumable: each student's entry is saved in the batch's
 * summary as it is made, with the progress counter, and a retried job skips
 * the students already there. A GRADER_ERROR (ours) makes the job retry;
 * only on its last attempt is it kept, counted apart, never as a change.
 */
import type { JobHelpers } from "graphile-worker";
import { prisma, type Prisma } from "../../lib/db/client";
import { countChanges, standingGrading } from "../../lib/regrades/compare-gradings";
import { failRegradeBatch } from "../../lib/regrades/fail-regrade-batch";
import { ZPreviewSummary, ZRegradeBatchPayload, type TPreviewEntry, type TPreviewSummary } from "../../lib/regrades/schemas";
import { runHarness } from "../run-harness";
import type { Spawner } from "../spawn";
import { loadGradingMaterial, RetryableGradingError } from "./grade-submission";

const asJson = (summary: TPreviewSummary) => summary as unknown as Prisma.InputJsonValue;

async function latestSubmissions(itemId: string, classId: string | null) {
  const submissions = await prisma.submission.findMany({
    where: {
      itemId,
      regradeOfId: null,
      interviewSessionId: null,
      status: "DONE",
      ...(classId ? { user: { enrolments: { some: { classId } } } } : {}),
    },
    orderBy: [{ userId: "asc" }, { queuedAt: "desc" }],
    distinct: ["userId"],
    select: {
      id: true,
      userId: true,
      code: true,
      status: true,
      verdict: true,
      score: true,
      regrades: { orderBy: { queuedAt: "desc" }, select: { status: true, verdict: true, score: true } },
    },
  });
  return submissions.flatMap(({ regrades, ...submission }) => {
    const old = standingGrading(submission, regrades);
    return old ? [{ ...submission, old }] : [];
  });
}

async function runPreview(batchId: string, lastAttempt: boolean, spawner: Spawner | undefined): Promise<void> {
  const batch = await prisma.regradeBatch.findUnique({ where: { id: batchId }, select: { id: true, itemId: true, classId: true, mode: true, status: true, summary: true } });
  if (!batch || batch.mode !== "PREVIEW" || batch.status === "DONE" || batch.status === "FAILED") return;
  const material = await loadGradingMaterial(batch.itemId);
  const targets = await latestSubmissions(batch.itemId, batch.classId);
  const saved = ZPreviewSummary.safeParse(batch.summary);
  const entries: TPreviewEntry[] = saved.success ? saved.data.entries : [];
  const graded = new Set(entries.map((entry) => entry.userId));
  await prisma.regradeBatch.update({
    where: { id: batch.id },
    data: { status: "RUNNING", contentHash: material.contentHash, total: targets.length, done: entries.length },
  });
  for (const target of targets) {
    if (graded.has(target.userId)) continue;
    const result = await runHarness({ mode: "grade", submissionCode: target.code, exercise: material }, spawner ? { spawner } : {});
    if (result.verdict === "GRADER_ERROR" && !lastAttempt) {
      throw new RetryableGradingError(`previewing submission ${target.id}: the harness reported a grader error: ${result.error?.message ?? ""}`);
    }
    entries.push({ userId: target.userId, submissionId: target.id, old: target.old, new: { verdict: result.verdict, score: result.score ?? 0 } });
    await prisma.regradeBatch.update({ where: { id: batch.id }, data: { done: entries.length, summary: asJson({ entries, counts: null }) } });
  }
  await prisma.regradeBatch.update({
    where: { id: batch.id },
    data: { status: "DONE", finishedAt: new Date(), done: entries.length, total: entries.length, summary: asJson({ entries, counts: countChanges(entries) }) },
  });
}

export async function previewRegradeJob(payload: unknown, helpers: Pick<JobHelpers, "job" | "logger">, spawner?: Spawner): Promise<void> {
  const { batchId } = ZRegradeBatchPayload.parse(payload);
  const lastAttempt = helpers.job.attempts >= helpers.job.max_attempts;
  try {
    await runPreview(batchId, lastAttempt, spawner);
  } catch (error) {
    if (!lastAttempt) throw error;
    helpers.logger.error(`giving up on the regrade preview ${batchId} after ${helpers.job.attempts} attempts: ${String(error)}`);
    await failRegradeBatch(batchId);
  }
}
