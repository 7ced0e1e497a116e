/**
 * The boundary objects of a regrade: the teacher's request, the worker's job
 * payloads, and the preview's summary as stored in RegradeBatch.summary.
 */
import { z } from "zod";
import { ZVerdict } from "../../grader/result";

export const ZRegradeRequest = z.object({
  exerciseId: z.uuid(),
  mode: z.enum(["preview", "apply"]),
});
export type TRegradeRequest = z.infer<typeof ZRegradeRequest>;

export const PREVIEW_REGRADE_TASK = "preview_regrade";
export const APPLY_REGRADE_TASK = "apply_regrade";
export const ZRegradeBatchPayload = z.object({ batchId: z.uuid() });

export const ZGrading = z.object({ verdict: ZVerdict, score: z.number() });
export type TGrading = z.infer<typeof ZGrading>;

/** One student of a preview: their latest own submission, as it stands and as the current tests grade it. */
export const ZPreviewEntry = z.object({
  userId: z.string(),
  submissionId: z.string(),
  old: ZGrading,
  new: ZGrading,
});
export type TPreviewEntry = z.infer<typeof ZPreviewEntry>;

export const ZPreviewCounts = z.object({
  unchanged: z.number().int(),
  changed: z.number().int(),
  improved: z.number().int(),
  worsened: z.number().int(),
  /** The grader failed on these even after retrying: neither a change nor unchanged. */
  graderErrors: z.number().int(),
  /** "PASSED→FAILED": how many, for the verdicts that changed. */
  transitions: z.record(z.string(), z.number().int()),
});
export type TPreviewCounts = z.infer<typeof ZPreviewCounts>;

export const ZPreviewSummary = z.object({
  entries: z.array(ZPreviewEntry),
  counts: ZPreviewCounts.nullable(),
});
export type TPreviewSummary = z.infer<typeof ZPreviewSummary>;
