import { z } from "zod";

export const CODE_MAX_BYTES = 64 * 1024;

/** A student's program, as submitted, run or saved as a draft. */
export const ZCode = z
  .string()
  .refine((code) => code.isWellFormed(), "error.codeNotUtf8")
  .refine((code) => code.trim() !== "", "error.codeEmpty")
  .refine((code) => Buffer.byteLength(code, "utf8") <= CODE_MAX_BYTES, "error.codeTooLarge");

export const ZCreateSubmissionRequestSchema = z.object({
  exerciseId: z.uuid(),
  code: ZCode,
});
export type TCreateSubmissionRequest = z.infer<typeof ZCreateSubmissionRequestSchema>;

/** What the queue carries: only the id; everything else is read fresh from the database. */
export const ZGradeJobPayload = z.object({ submissionId: z.uuid() });
export type TGradeJobPayload = z.infer<typeof ZGradeJobPayload>;

export const GRADE_TASK = "grade_submission";

