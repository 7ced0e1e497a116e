"use client";

import { useState } from "react";
import type { Locale } from "@/lib/i18n/locales";

/** An admin signs an account out on every device (DELETE /api/admin/users/:id/sessions). */
export function EndSessionsButton(props: { userId: string; email: string; locale: Locale; label: string; doneLabel: string }) {
  const [status, setStatus] = useState("");

  async function end() {
    setStatus("…");
    const response = await fetch(`/api/admin/users/${props.userId}/sessions`, { method: "DELETE" });
    if (response.ok) {
      setStatus(props.doneLabel);
      return;
    }
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: Record<Locale, string> } };
    setStatus(body.error?.message?.[props.locale] ?? String(response.status));
  }

  return (
    <span className="end-sessions">
      <button type="button" aria-label={`${props.label}: ${props.email}`} onClick={() => void end()}>
        {props.label}
      </button>
      <span role="status">{status}</span>
    </span>
  );
}
