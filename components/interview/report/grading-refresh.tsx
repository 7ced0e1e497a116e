"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { z } from "zod";

const POLL_MS = 2000;

// The candidate's report route answers { report }, the shared one { shared: { report } }.
const ZGrading = z.union([
  z.object({ report: z.object({ grading: z.boolean() }) }).transform((json) => json.report.grading),
  z.object({ shared: z.object({ report: z.object({ grading: z.boolean() }) }) }).transform((json) => json.shared.report.grading),
]);

/**
 * While a coding task is still being graded: says so, asks the report's
 * route every two seconds, and redraws the page (server components) once
 * the grading is over. A refusal (a link revoked meanwhile) stops asking.
 */
export function GradingRefresh({ url, notice }: { url: string; notice: string }) {
  const router = useRouter();
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(url, { cache: "no-store" });
        if (stopped) return;
        if (response.status >= 400 && response.status < 500) return;
        const grading = ZGrading.safeParse(await response.json().catch(() => null));
        if (stopped) return;
        if (grading.success && !grading.data) {
          router.refresh();
          return;
        }
      } catch {
        // Offline for a moment: ask again at the next tick.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [url, router]);
  return (
    <p className="interview-report-grading" role="status" data-testid="report-grading">
      <span className="interview-report-spinner" aria-hidden="true" />
      {notice}
    </p>
  );
}
