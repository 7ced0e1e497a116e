import { z } from "zod";
import { ZCode } from "../submissions/schemas";

/** Run a lesson's sample or an exercise's draft: executed, never graded. */
export const ZCreateProgramRunRequestSchema = z.object({
  itemId: z.uuid(),
  code: ZCode,
});
export type TCreateProgramRunRequest = z.infer<typeof ZCreateProgramRunRequestSchema>;

export const ZRunJobPayload = z.object({ runId: z.uuid() });

export const RUN_TASK = "run_program";
