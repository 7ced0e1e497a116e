/**
 * The request schemas of classes, shared by the forms, the route handlers
 * and the tests. Their messages are message keys, so a refusal reads
 * "班级名称…" / "Class name…" in both languages.
 */
import { z } from "zod";
import { ZEmail } from "../users/schemas";

export const CLASS_NAME_MAX = 80;

export const ZClassName = z
  .string("classes.error.nameRequired")
  .trim()
  .min(1, "classes.error.nameRequired")
  .max(CLASS_NAME_MAX, "classes.error.nameTooLong");

export const ZCreateClassRequestSchema = z.object({
  name: ZClassName,
  courseId: z.uuid("classes.error.courseRequired"),
});
export type TCreateClassRequest = z.infer<typeof ZCreateClassRequestSchema>;

export const ZUpdateClassRequestSchema = z
  .object({
    name: ZClassName.optional(),
    archived: z.boolean("classes.error.archivedFlag").optional(),
  })
  .refine((body) => body.name !== undefined || body.archived !== undefined, "classes.error.nothingToChange");
export type TUpdateClassRequest = z.infer<typeof ZUpdateClassRequestSchema>;

export const ZJoinClassRequestSchema = z.object({
  code: z.string("classes.error.codeRequired").trim().min(1, "classes.error.codeRequired").max(40, "classes.error.codeUnknown"),
});
export type TJoinClassRequest = z.infer<typeof ZJoinClassRequestSchema>;

export const ZAddCoTeacherRequestSchema = z.object({ email: ZEmail });
export type TAddCoTeacherRequest = z.infer<typeof ZAddCoTeacherRequestSchema>;
