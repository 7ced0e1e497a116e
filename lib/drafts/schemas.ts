import { z } from "zod";
import { CODE_MAX_BYTES } from "../submissions/schemas";

/** A draft may be empty (the student cleared the editor), never oversized or broken text. */
export const ZSaveDraftRequestSchema = z.object({
  code: z
    .string()
    .refine((code) => code.isWellFormed(), "error.codeNotUtf8")
    .refine((code) => Buffer.byteLength(code, "utf8") <= CODE_MAX_BYTES, "error.codeTooLarge"),
});
export type TSaveDraftRequest = z.infer<typeof ZSaveDraftRequestSchema>;
