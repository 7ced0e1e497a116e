/**
 * The request schemas for accounts, shared by the forms, the route handlers
 * and the tests.
 */
import { z } from "zod";

export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const NAME_MAX = 80;

export const ZEmail = z.string().trim().toLowerCase().max(EMAIL_MAX).pipe(z.email());

export const ZSignUpRequestSchema = z.object({
  email: ZEmail,
  password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
  name: z
    .string()
    .trim()
    .max(NAME_MAX)
    .optional()
    .transform((value) => (value ? value : undefined)),
});
export type TSignUpRequest = z.infer<typeof ZSignUpRequestSchema>;

export const ZSignInRequestSchema = z.object({
  email: ZEmail,
  password: z.string().min(1).max(PASSWORD_MAX),
});
export type TSignInRequest = z.infer<typeof ZSignInRequestSchema>;

export const ZRoleSchema = z.enum(["STUDENT", "TEACHER", "ADMIN"]);
export type TRole = z.infer<typeof ZRoleSchema>;

export const ZSetUserRoleRequestSchema = z.object({ role: ZRoleSchema });
export type TSetUserRoleRequest = z.infer<typeof ZSetUserRoleRequestSchema>;
