/**
 * What makes a new password too weak, beyond the schema's length: being one
 * of the ~49 000 most common passwords (the maintained list of
 * @zxcvbn-ts/language-common), one character repeated, or the email itself.
 * Server-side only: the list is too large for the browser's bundle.
 */
import { dictionary } from "@zxcvbn-ts/language-common";
import type { MessageKey } from "../i18n/messages";

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((password) => password.toLowerCase()));
  return common;
}

/** The message key saying why `password` is too weak for `email`'s account, or null. */
export function passwordWeakness(password: string, email: string): MessageKey | null {
  const lowered = password.toLowerCase();
  const compact = lowered.replace(/\s+/g, "");
  if (commonPasswords().has(lowered) || commonPasswords().has(compact)) return "error.passwordCommon";
  if (new Set(compact).size <= 2) return "error.passwordCommon";
  const address = email.trim().toLowerCase();
  const local = address.split("@", 1)[0] ?? "";
  if (compact === address || (local.length >= 3 && compact.replace(/[^a-z0-9]/g, "") === local.replace(/[^a-z0-9]/g, ""))) {
    return "error.passwordLikeEmail";
  }
  return null;
}
