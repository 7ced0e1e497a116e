"use client";

import { useId, useState, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { callApi } from "../api-call";

function nextPage(goTo: "classSettings" | "myClasses" | undefined, json: unknown): string | null {
  if (goTo === "myClasses") return "/classes";
  const classId = (json as { class?: { id?: unknown } }).class?.id;
  return goTo === "classSettings" && typeof classId === "string" ? `/teach/classes/${classId}/settings` : null;
}

/**
 * A small form of text fields (and selects, given as `extra`) sent as JSON
 * to the classes API. On success it goes to `goTo` or refreshes the
 * page; a refusal is shown under the form, announced to screen readers.
 */
export function TextForm(props: {
  method: "POST" | "PATCH";
  url: string;
  fields: { name: string; label: string; type?: "text" | "email"; defaultValue?: string; placeholder?: string; maxLength?: number; autoComplete?: string }[];
  children?: ReactNode;
  submit: string;
  locale: Locale;
  text: { working: string; networkError: string; saved?: string };
  /** Where a success leads: the new class's settings (its join code), or the student's classes. */
  goTo?: "classSettings" | "myClasses";
  className?: string;
  testId?: string;
}) {
  const router = useRouter();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState<{ error: boolean; message: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form).entries());
    setPending(true);
    setStatus(null);
    const outcome = await callApi(props.method, props.url, props.locale, data);
    setPending(false);
    if (!outcome.ok) {
      setStatus({ error: true, message: outcome.message ?? props.text.networkError });
      return;
    }
    const next = nextPage(props.goTo, outcome.json);
    if (next) {
      router.push(next);
      return;
    }
    if (props.method === "POST") form.reset();
    if (props.text.saved) setStatus({ error: false, message: props.text.saved });
    router.refresh();
  }

  return (
    <form className={`class-form ${props.className ?? ""}`} onSubmit={(event) => void onSubmit(event)} data-testid={props.testId} aria-describedby={`${id}-status`}>
      {props.fields.map((field) => (
        <label key={field.name}>
          <span>{field.label}</span>
          <input
            name={field.name}
            type={field.type ?? "text"}
            required
            defaultValue={field.defaultValue}
            placeholder={field.placeholder}
            maxLength={field.maxLength}
            autoComplete={field.autoComplete ?? "off"}
            aria-invalid={status?.error ? true : undefined}
          />
        </label>
      ))}
      {props.children}
      <button type="submit" disabled={pending}>
        {pending ? props.text.working : props.submit}
      </button>
      <p id={`${id}-status`} role={status?.error ? "alert" : "status"} className={status?.error ? "error" : "muted"}>
        {status?.message ?? ""}
      </p>
    </form>
  );
}
