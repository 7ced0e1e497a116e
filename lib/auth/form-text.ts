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
    networkError: t("auth.networkError"),
  };
}

/** Only same-site paths, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  return candidate && candidate.startsWith("/") && !candidate.startsWith("//") ? candidate : "/";
}
