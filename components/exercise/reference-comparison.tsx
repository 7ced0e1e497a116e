"use client";

import { useEffect, useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { TTrace } from "@/grader/result";
import dynamic from "next/dynamic";

// Loaded when first shown (a result, a diff): not part of the page's first load.
const TimelineComparison = dynamic(() => import("@/components/timeline").then((module) => module.TimelineComparison), { ssr: false });
import type { Text } from "./types";

type ReferenceTest = { testId: string; name: { "zh-CN": string; en: string }; trace: TTrace | null };

const POLL_MS = 1000;

/**
 * The student's timeline of one test beside the reference solution's, on one
 * time scale. The reference is graded once per version of the exercise; the
 * first student to ask may wait a moment while the worker grades it.
 */
export function ReferenceComparison({ exerciseId, testId, trace, locale, text, messages }: {
  exerciseId: string;
  testId: string | null;
  trace: TTrace;
  locale: Locale;
  text: Text;
  messages: Record<string, string | undefined>;
}) {
  const [open, setOpen] = useState(false);
  const [tests, setTests] = useState<ReferenceTest[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!open || tests) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = async () => {
      try {
        const response = await fetch(`/api/exercises/${exerciseId}/reference-timeline`, { cache: "no-store" });
        const body = (await response.json()) as { status?: string; result?: { tests: ReferenceTest[] }; error?: { message?: Record<Locale, string> } };
        if (stopped) return;
        if (response.status === 200 && body.result) {
          setTests(body.result.tests);
          return;
        }
        if (response.status !== 202) {
          setProblem(body.error?.message?.[locale] ?? text("auth.networkError"));
          return;
        }
      } catch {
        if (stopped) return;
      }
      timer = setTimeout(() => void load(), POLL_MS);
    };
    void load();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [open, tests, exerciseId, locale, text]);

  const reference = tests?.find((test) => test.testId === testId) ?? null;
  return (
    <div className="reference-comparison">
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? text("exercise.compareReferenceHide") : text("exercise.compareReference")}
      </button>
      {open && problem && <p role="alert" className="error">{problem}</p>}
      {open && !problem && !tests && <p role="status">{text("exercise.referenceGrading")}</p>}
      {open && tests && !reference?.trace && <p className="muted">{text("exercise.referenceNoTimeline")}</p>}
      {open && reference?.trace && (
        <TimelineComparison
          left={{ title: text("exercise.yourTimeline"), trace, fileName: "mine" }}
          right={{ title: `${text("exercise.referenceTimeline")}: ${reference.name[locale]}`, trace: reference.trace, fileName: "reference" }}
          locale={locale}
          messages={messages}
        />
      )}
    </div>
  );
}
