import type { Translate } from "../i18n/server";
import type { AuthFormText } from "@/components/auth-form";

export function authFormText(t: Translate, mode: "signin" | "signup"): AuthFormText {
  return {
    title: t(mode === "signin" ? "auth.signInTitle" : "auth.signUpTitle"),
    email: t("auth.email"),
    password: t("auth.password"),
    name: t("auth.name"),
    passwordHint: t("auth.passwordHint"),
    submit: t(mode === "signin" ? "auth.signInButton" : "auth.signUpButton"),
    working: t("auth.working"),
    wrongCredentials: t("auth.wrongCredentials"),
    rateLimited: t("error.signInRateLimited"),
    networkError: t("auth.networkError"),
  };
}

const BASE = "http://awaitable.invalid";

/**
 * Only a path of this site, so a crafted link cannot send someone elsewhere
 * after sign-in. Browsers read `\` as `/` and drop tabs and newlines, so
 * `/\evil.test` and `/\t/evil.test` are `//evil.test` to them: any backslash
 * or control character is refused, and what is left must resolve on this
 * origin. Returns the normalized path (with its query and fragment).
 */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//")) return "/";
  if (/[\\\u0000-\u001f\u007f]/.test(candidate)) return "/";
  let url: URL;
  try {
    url = new URL(candidate, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE || url.pathname.startsWith("//")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `/signin` or `/signup` with the page to come back to, when it is not the home page or an auth page. */
export function authHref(page: "/signin" | "/signup", returnTo: string | null | undefined): string {
  const back = safeCallbackUrl(returnTo ?? undefined);
  if (back === "/" || back.startsWith("/signin") || back.startsWith("/signup")) return page;
  return `${page}?callbackUrl=${encodeURIComponent(back)}`;
}
