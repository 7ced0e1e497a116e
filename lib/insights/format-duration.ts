/** A median time to solve in the unit a teacher reads at a glance: seconds, minutes, hours or days, one decimal at most. */
export type DurationUnit = "insights.seconds" | "insights.minutes" | "insights.hours" | "insights.days";

export function durationParts(seconds: number): { key: DurationUnit; value: number } {
  const round = (value: number) => Math.round(value * 10) / 10;
  if (seconds < 60) return { key: "insights.seconds", value: Math.round(seconds) };
  if (seconds < 3600) return { key: "insights.minutes", value: round(seconds / 60) };
  if (seconds < 86_400) return { key: "insights.hours", value: round(seconds / 3600) };
  return { key: "insights.days", value: round(seconds / 86_400) };
}
