"use client";

import { useState } from "react";
import type { Locale } from "@/lib/i18n/locales";

/** For teachers and admins: regrade every submission of the exercise after its tests changed. */
export function RegradeButton({ exerciseId, locale, labels }: { exerciseId: string; locale: Locale; labels: { button: string; confirm: string; queued: string } }) {
  const [status, setStatus] = useState("");
  async function regrade() {
    if (!window.confirm(labels.confirm)) return;
    setStatus("…");
    const response = await fetch(`/api/exercises/${exerciseId}/regrade`, { method: "POST" });
    const body = (await response.json().catch(() => ({}))) as {
      regrade?: { submissions: number };
      error?: { message?: Record<Locale, string> };
    };
    setStatus(body.regrade ? labels.queued.replace("{count}", String(body.regrade.submissions)) : (body.error?.message?.[locale] ?? String(response.status)));
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
