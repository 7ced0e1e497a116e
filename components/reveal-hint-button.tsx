"use client";

import { useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locales";

/** Asks the server for the next hint, then re-reads the page, which renders it. */
export function RevealHintButton({ exerciseId, locale, disabled, children }: { exerciseId: string; locale: Locale; disabled: boolean; children: ReactNode }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState(false);

  async function reveal() {
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch(`/api/exercises/${exerciseId}/hints`, { method: "POST" });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { error?: { message?: Record<Locale, string> } };
        setProblem(body.error?.message?.[locale] ?? (locale === "en" ? "Cannot reach the server." : "无法连接服务器。"));
        return;
      }
      startTransition(() => router.refresh());
    } catch {
      setProblem(locale === "en" ? "Cannot reach the server." : "无法连接服务器。");
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="secondary" onClick={() => void reveal()} disabled={disabled || busy || pending}>
        {children}
      </button>
      {problem && (
        <span role="alert" className="error">
          {" "}
          {problem}
        </span>
      )}
    </>
  );
}
