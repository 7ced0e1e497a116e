"use client";

import { useState } from "react";
import type { Locale } from "@/lib/i18n/locales";

/** For admins: regrade every submission of the exercise after its tests changed (teachers use their class's Regrade page). */
export function RegradeButton({ exerciseId, locale, labels }: { exerciseId: string; locale: Locale; labels: { button: string; confirm: string; queued: string } }) {
  const [status, setStatus] = useState("");
  async function regrade() {
    if (!window.confirm(labels.confirm)) return;
    setStatus("…");
    const response = await fetch(`/api/exercises/${exerciseId}/regrade`, { method: "POST" });
    const body = (await response.json().catch(() => ({}))) as {
      batch?: { id: string };
      error?: { message?: Record<Locale, string> };
    };
    setStatus(body.batch ? labels.queued : (body.error?.message?.[locale] ?? String(response.status)));
  }
  return (
    <p className="teacher-tools">
      <button type="button" className="secondary" onClick={() => void regrade()}>
        {labels.button}
      </button>{" "}
      <span role="status">{status}</span>
    </p>
  );
}
