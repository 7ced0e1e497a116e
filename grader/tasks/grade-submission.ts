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
import { graderErrorResult, loadExercise, runHarness } from "../run-harness";
import type { Spawner } from "../spawn";

export class RetryableGradingError extends Error {}

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
  // The version of the content it is graded against, read before the tests are.
  const item = prisma.courseItem.findUnique({ where: { id: submission.itemId }, select: { contentHash: true } });
  // Awaited below; until then a failure must not count as unhandled.
  notified.catch(() => undefined);
  item.catch(() => undefined);

  const lastAttempt = helpers.job.attempts >= helpers.job.max_attempts;
  try {
    const exercise = await loadExercise(submission.itemId).catch((error: unknown) => {
      throw new RetryableGradingError(`exercise files for ${submission.itemId} not found: ${String(error)}`);
    });
    const result = await runHarness(
      { mode: "grade", submissionCode: submission.code, exercise },
      spawner ? { spawner } : {},
    );
    if (result.verdict === "GRADER_ERROR" && !lastAttempt) {
      throw new RetryableGradingError(`the harness reported a grader error: ${result.error?.type ?? ""} ${result.error?.message ?? ""}`);
    }
    const { contentHash = null } = (await item) ?? {};
    await notified;
    await recordGradingResult(submissionId, result, { startedAt, finishedAt: new Date(), contentHash });
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
  zh: "评测系统出了故障,这不是你的错:你的提交没有被计分。请稍后重新提交;如果问题持续,请联系老师。",
  en: "The grader failed; this is not your fault and the submission was not scored. Please submit again later, and tell your teacher if it keeps happening.",
};
