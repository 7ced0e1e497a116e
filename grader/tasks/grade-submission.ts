/**
 * The grading job: (payload, helpers) => Promise<void>. Returning means done;
 * throwing means "retry with backoff" (graphile-worker). Delivery is at least
 * once, so the job checks the submission's state first and grades a
 * finished submission never again.
 *
 * A fault of ours (no exercise files, a harness that reports GRADER_ERROR,
 * the database) is retried; after the last attempt the student sees
 * GRADER_ERROR with a friendly message, never FAILED.
 */
import type { JobHelpers } from "graphile-worker";
import { prisma } from "../../lib/db/client";
import { recordGradingResult } from "../../lib/progress/record-grading-result";
import { ZGradeJobPayload } from "../../lib/submissions/schemas";
import { graderErrorResult, runHarness, ZGradingSettings, type GradingMaterial } from "../run-harness";
import type { Spawner } from "../spawn";

export class RetryableGradingError extends Error {}

/**
 * The grading material of an exercise as the last content sync wrote it,
 * checked against the item's own hash (a sync is one transaction, so they
 * agree unless someone edited the database by hand: then it is our fault,
 * never graded against the wrong tests).
 */
export async function loadGradingMaterial(itemId: string): Promise<GradingMaterial & { contentHash: string }> {
  const item = await prisma.courseItem.findUnique({
    where: { id: itemId },
    select: { contentHash: true, grading: { select: { contentHash: true, settings: true, tests: true, scenarios: true } } },
  });
  if (!item?.grading) throw new RetryableGradingError(`no synced grading material for exercise ${itemId} (run npm run content:sync)`);
  if (item.grading.contentHash !== item.contentHash) {
    throw new RetryableGradingError(`the grading material of ${itemId} (${item.grading.contentHash}) is not the item's version (${item.contentHash})`);
  }
  const settings = ZGradingSettings.safeParse(item.grading.settings);
  if (!settings.success) throw new RetryableGradingError(`the synced grading settings of ${itemId} do not parse: ${settings.error.message}`);
  return {
    id: settings.data.id,
    slug: settings.data.slug,
    settings: settings.data,
    tests: item.grading.tests,
    scenarios: item.grading.scenarios,
    contentHash: item.grading.contentHash,
  };
}

export async function gradeSubmissionJob(payload: unknown, helpers: Pick<JobHelpers, "job" | "logger">, spawner?: Spawner) {
  const { submissionId } = ZGradeJobPayload.parse(payload);
  const jobId = String(helpers.job.id);
  const startedAt = new Date();
  // Claim it: a queued submission, or one this very job was grading when its
  // worker died. Anything else (finished, or another job's) is a duplicate
  // delivery, and this job is done.
  const claimed = await prisma.submission.updateManyAndReturn({
    where: { id: submissionId, OR: [{ status: "QUEUED" }, { status: "RUNNING", gradingJobId: jobId }] },
    data: { status: "RUNNING", startedAt, gradingJobId: jobId, attempt: { increment: 1 } },
    select: { id: true, code: true, itemId: true },
  });
  const submission = claimed[0];
  if (!submission) return;
  // The browser learns "running" while the grading goes on.
  const notified = prisma.$executeRaw`SELECT pg_notify('submission_updates', ${submissionId}::text)`;
  // Awaited below; until then a failure must not count as unhandled.
  notified.catch(() => undefined);

  const lastAttempt = helpers.job.attempts >= helpers.job.max_attempts;
  try {
    // Exactly the synced version of the exercise, and the hash of that version.
    const material = await loadGradingMaterial(submission.itemId);
    const result = await runHarness({ mode: "grade", submissionCode: submission.code, exercise: material }, spawner ? { spawner } : {});
    if (result.verdict === "GRADER_ERROR" && !lastAttempt) {
      throw new RetryableGradingError(`the harness reported a grader error: ${result.error?.type ?? ""} ${result.error?.message ?? ""}`);
    }
    await notified;
    await recordGradingResult(submissionId, result, { startedAt, finishedAt: new Date(), contentHash: material.contentHash });
  } catch (error) {
    if (!lastAttempt) throw error;
    helpers.logger.error(`giving up on submission ${submissionId} after ${helpers.job.attempts} attempts: ${String(error)}`);
    await recordGradingResult(submissionId, graderErrorResult(GRADER_FAULT, "grader-error", spawner?.sandboxed ?? true), {
      startedAt,
      finishedAt: new Date(),
      contentHash: null,
    });
  }
}

const GRADER_FAULT = {
  "zh-CN": "评测系统出了故障,这不是你的错:你的提交没有被计分。请稍后重新提交;如果问题持续,请联系老师。",
  en: "The grader failed; this is not your fault and the submission was not scored. Please submit again later, and tell your teacher if it keeps happening.",
};
