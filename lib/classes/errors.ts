/** The refusals of classes a user can meet, each saying what to do next. */
import { AppError } from "../errors";
import { bilingual } from "../i18n/messages";

export const joinCodeUnknown = () => new AppError("NOT_FOUND", bilingual("classes.error.codeUnknown"));
export const classArchived = () => new AppError("CONFLICT", bilingual("classes.error.classArchived"));
export const courseNotFound = () => new AppError("NOT_FOUND", bilingual("classes.error.courseNotFound"));
export const teacherNotFound = () => new AppError("NOT_FOUND", bilingual("classes.error.teacherNotFound"));

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
