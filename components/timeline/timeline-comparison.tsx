"use client";

/**
 * Two timelines on one time scale (the student's run beside the reference
 * solution's, or two tests): side by side on a wide screen, stacked on a phone.
 * The shared end is the longer run's, so equal widths mean equal durations.
 */
import { useMemo } from "react";
import type { TTrace } from "@/grader/result";
import type { Locale } from "@/lib/i18n/locales";
import { buildTimeline } from "@/lib/timeline/model";
import { makeText, type TimelineMessages } from "./describe";
import { Timeline } from "./timeline";

type Side = { title: string; trace: TTrace; fileName?: string };

export function TimelineComparison({ left, right, locale = "zh-CN", messages }: { left: Side; right: Side; locale?: Locale; messages?: TimelineMessages }) {
  const text = makeText(locale, messages);
  const end = useMemo(() => Math.max(buildTimeline(left.trace).end, buildTimeline(right.trace).end), [left.trace, right.trace]);
  return (
    <section className="tl-compare" data-testid="timeline-comparison">
      <p className="muted tl-compare-note">{text("timeline.compare.shared")}</p>
      <div className="tl-compare-grid">
        <Timeline trace={left.trace} title={left.title} end={end} locale={locale} messages={messages} fileName={left.fileName} />
        <Timeline trace={right.trace} title={right.title} end={end} locale={locale} messages={messages} fileName={right.fileName} />
      </div>
    </section>
  );
}
