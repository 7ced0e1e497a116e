/**
 * The APPLY batch's job: expands it into regrade submissions
 * (lib/regrades/expand-regrade-batch.ts, idempotent). After its last attempt
 * the batch is FAILED, so the exercise is free to be regraded again.
 */
import type { JobHelpers } from "graphile-worker";
import { expandRegradeBatch } from "../../lib/regrades/expand-regrade-batch";
import { failRegradeBatch } from "../../lib/regrades/fail-regrade-batch";
import { ZRegradeBatchPayload } from "../../lib/regrades/schemas";

export async function applyRegradeJob(payload: unknown, helpers: Pick<JobHelpers, "job" | "logger">): Promise<void> {
  const { batchId } = ZRegradeBatchPayload.parse(payload);
  try {
    const total = await expandRegradeBatch(batchId);
    helpers.logger.info(`regrade ${batchId}: ${total} submissions queued`);
  } catch (error) {
    if (helpers.job.attempts < helpers.job.max_attempts) throw error;
    helpers.logger.error(`giving up on the regrade ${batchId} after ${helpers.job.attempts} attempts: ${String(error)}`);
    await failRegradeBatch(batchId);
  }
}
