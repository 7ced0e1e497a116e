/**
 * Turns zod issues into field messages in both languages. Schemas name their
 * fields through the `field.*` message keys, so the learner reads "邮箱" /
 * "Email", not a JSON path.
 */
import type { z } from "zod";
import { AppError, type FieldIssue } from "../errors";
import { bilingual, isMessageKey, type MessageKey } from "../i18n/messages";
import type { Locale } from "../i18n/locales";

function fieldLabel(path: PropertyKey[]): (locale: Locale) => string {
  const name = path.map(String).join(".");
  const key = `field.${name}`;
  return (locale) => (isMessageKey(key) ? bilingual(key)[locale] : name || (locale === "en" ? "request" : "请求"));
}

export function describeIssue(issue: z.core.$ZodIssue): FieldIssue {
  const label = fieldLabel(issue.path);
  const path = issue.path.map(String).join(".");
  const withField = (key: MessageKey, extra: Record<string, number> = {}) =>
    bilingual(key, (locale) => ({ field: label(locale), ...extra }));

  if (isMessageKey(issue.message)) return { path, message: bilingual(issue.message) };
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return { path, message: withField("error.required") };
      return { path, message: withField("error.invalidValue") };
    case "too_big":
      if (issue.origin === "string") return { path, message: withField("error.tooLong", { max: Number(issue.maximum) }) };
      return { path, message: withField("error.invalidValue") };
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1 && issue.input === ""
          ? { path, message: withField("error.required") }
          : { path, message: withField("error.tooShort", { min: Number(issue.minimum) }) };
      }
      return { path, message: withField("error.invalidValue") };
    case "invalid_format":
      if (issue.format === "email") return { path, message: bilingual("error.invalidEmail") };
      return { path, message: withField("error.invalidValue") };
    default:
      return { path, message: withField("error.invalidValue") };
  }
}

export function invalidRequest(error: z.ZodError): AppError {
  return new AppError("INVALID_REQUEST", bilingual("error.invalidRequest"), error.issues.map(describeIssue));
}

/** Parses with the schema or throws a 400 AppError listing every problem. */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidRequest(result.error);
  return result.data;
}
