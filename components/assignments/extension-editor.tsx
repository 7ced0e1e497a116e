"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { fromLocalInput } from "@/lib/assignments/zoned-time";
import { clientTranslator, describeFailure, type ClientMessages } from "./client-messages";

type Props = {
  classId: string;
  assignmentId: string;
  student: { id: string; label: string };
  /** The extension as the zone's datetime-local value, or "" for none. */
  current: string;
  timeZone: string;
  locale: Locale;
  messages: ClientMessages;
};

/** One student's extension: a later due date in the teacher's zone, set or removed. */
export function ExtensionEditor({ classId, assignmentId, student, current, timeZone, locale, messages }: Props) {
  const t = clientTranslator(messages);
  const router = useRouter();
  const [value, setValue] = useState(current);
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const url = `/api/classes/${classId}/assignments/${assignmentId}/extensions/${student.id}`;
  const inputId = `extension-${student.id}`;

  async function send(method: "PUT" | "DELETE") {
    setStatus({ text: t("assignments.form.saving"), failed: false });
    try {
      const response = await fetch(url, {
        method,
        headers: { "content-type": "application/json" },
        body: method === "PUT" ? JSON.stringify({ dueAt: fromLocalInput(value, timeZone) ?? value }) : undefined,
      });
      if (!response.ok) {
        setStatus({ text: await describeFailure(response, locale), failed: true });
        return;
      }
      if (method === "DELETE") setValue("");
      setStatus({ text: t("assignments.form.saved"), failed: false });
      router.refresh();
    } catch {
      setStatus({ text: t("auth.networkError"), failed: true });
    }
  }

  return (
    <div className="extension-editor">
      <label htmlFor={inputId} className="visually-hidden">
        {t("assignments.extension.label", { student: student.label })}
      </label>
      <input id={inputId} type="datetime-local" value={value} onChange={(event) => setValue(event.target.value)} />
      <button type="button" className="secondary" onClick={() => void send("PUT")} disabled={value === ""}>
        {t("assignments.extension.set")}
      </button>
      {current !== "" && (
        <button type="button" className="secondary" onClick={() => void send("DELETE")}>
          {t("assignments.extension.remove")}
        </button>
      )}
      <span role="status" aria-live="polite" className={status?.failed ? "error" : "muted"}>
        {status?.text}
      </span>
    </div>
  );
}
