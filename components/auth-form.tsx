"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import type { Locale } from "@/lib/i18n/locales";

export type AuthFormText = {
  title: string;
  email: string;
  password: string;
  name: string;
  passwordHint: string;
  submit: string;
  working: string;
  wrongCredentials: string;
  /** With "{seconds}" left in, filled in by the form. */
  rateLimited: string;
  networkError: string;
};

/** next-auth's error for a refused attempt: RATE_LIMITED:<seconds> (lib/auth/options.ts). */
const RATE_LIMITED = /^RATE_LIMITED:(\d+)$/;

type ApiError = { error?: { message?: Record<Locale, string>; issues?: { path: string; message: Record<Locale, string> }[] } };

/** Sign-in and sign-up share one form; sign-up creates the account, then signs in. */
export function AuthForm({ mode, locale, text, callbackUrl }: { mode: "signin" | "signup"; locale: Locale; text: AuthFormText; callbackUrl: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "");
    const password = String(data.get("password") ?? "");
    setPending(true);
    setFormError(null);
    setFieldErrors({});
    try {
      if (mode === "signup") {
        const response = await fetch("/api/users", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email, password, name: String(data.get("name") ?? "") }),
        });
        if (!response.ok) {
          const body = (await response.json().catch(() => ({}))) as ApiError;
          const issues = body.error?.issues ?? [];
          setFieldErrors(Object.fromEntries(issues.map((issue) => [issue.path, issue.message[locale]])));
          setFormError(issues.length ? null : (body.error?.message?.[locale] ?? text.networkError));
          return;
        }
      }
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        const limited = RATE_LIMITED.exec(result?.error ?? "");
        setFormError(limited ? text.rateLimited.replace("{seconds}", limited[1]!) : text.wrongCredentials);
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    } catch {
      setFormError(text.networkError);
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="card auth-form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <h1>{text.title}</h1>
      {formError && (
        <p role="alert" className="error">
          {formError}
        </p>
      )}
      <label>
        {text.email}
        <input name="email" type="email" autoComplete="email" required aria-invalid={Boolean(fieldErrors.email)} />
        {fieldErrors.email && <span className="field-error">{fieldErrors.email}</span>}
      </label>
      {mode === "signup" && (
        <label>
          {text.name}
          <input name="name" type="text" autoComplete="nickname" maxLength={80} />
          {fieldErrors.name && <span className="field-error">{fieldErrors.name}</span>}
        </label>
      )}
      <label>
        {text.password}
        <input
          name="password"
          type="password"
          autoComplete={mode === "signup" ? "new-password" : "current-password"}
          required
          aria-invalid={Boolean(fieldErrors.password)}
        />
        {mode === "signup" && <span className="hint">{text.passwordHint}</span>}
        {fieldErrors.password && <span className="field-error">{fieldErrors.password}</span>}
      </label>
      <button type="submit" disabled={pending}>
        {pending ? text.working : text.submit}
      </button>
    </form>
  );
}
