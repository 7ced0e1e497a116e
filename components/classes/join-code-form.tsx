"use client";

import type { Locale } from "@/lib/i18n/locales";
import { TextForm } from "./text-form";

/** Type a join code; joining leads to the student's classes. */
export function JoinCodeForm(props: { locale: Locale; text: { working: string; networkError: string }; label: string; placeholder: string; submit: string }) {
  return (
    <TextForm
      method="POST"
      url="/api/classes/join"
      fields={[{ name: "code", label: props.label, placeholder: props.placeholder, maxLength: 40 }]}
      submit={props.submit}
      locale={props.locale}
      text={props.text}
      goTo="myClasses"
      className="inline join-code-form"
      testId="join-code-form"
    />
  );
}
