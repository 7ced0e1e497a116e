/**
 * The "Run" job: the program in the sandbox in run mode — no tests, never
 * scored. An exercise's draft runs with that exercise's clock, limits and
 * fake I/O, so what the student sees is what grading will see; a lesson's
 * sample runs with the defaults. Delivery is at least once: a finished run
 * is never run again, and a fault of ours is retried, then reported as
 * GRADER_ERROR.
 */
import type { JobHelpers } from "graphile-worker";
import { prisma } from "../../lib/db/client";
import { recordRunResult } from "../../lib/runs/record-run-result";
import { ZRunJobPayload } from "../../lib/runs/schemas";
import { graderErrorResult, runHarness } from "../run-harness";
import type { Spawner } from "../spawn";
import { loadGradingMaterial, RetryableGradingError } from "./grade-submission";

export async function runProgramJob(payload: unknown, helpers: Pick<JobHelpers, "job" | "logger">, spawner?: Spawner) {
  const { runId } = ZRunJobPayload.parse(payload);
  const jobId = String(helpers.job.id);
  const claimed = await prisma.programRun.updateManyAndReturn({
    where: { id: runId, OR: [{ status: "QUEUED" }, { status: "RUNNING", gradingJobId: jobId }] },
    data: { status: "RUNNING", startedAt: new Date(), gradingJobId: jobId, attempt: { increment: 1 } },
    select: { id: true, code: true, item: { select: { id: true, kind: true } } },
  });
  const run = claimed[0];
  if (!run) return;
  await prisma.$executeRaw`SELECT pg_notify('program_run_updates', ${runId}::text)`;

  const lastAttempt = helpers.job.attempts >= helpers.job.max_attempts;
  try {
    const exercise = run.item?.kind === "EXERCISE" ? await loadGradingMaterial(run.item.id) : undefined;
    const result = await runHarness({ mode: "run", submissionCode: run.code, ...(exercise ? { exercise } : {}) }, spawner ? { spawner } : {});
    if (result.verdict === "GRADER_ERROR" && !lastAttempt) {
      throw new RetryableGradingError(`the harness reported a grader error: ${result.error?.type ?? ""} ${result.error?.message ?? ""}`);
    }
    await recordRunResult(runId, result);
  } catch (error) {
    if (!lastAttempt) throw error;
    helpers.logger.error(`giving up on run ${runId} after ${helpers.job.attempts} attempts: ${String(error)}`);
    await recordRunResult(runId, graderErrorResult(RUN_FAULT, "grader-error", spawner?.sandboxed ?? true));
  }
}

const RUN_FAULT = {
  "zh-CN": "运行环境出了故障,这不是你的错。请稍后再运行一次。",
  en: "The runner failed; this is not your fault. Please run it again in a moment.",
};
