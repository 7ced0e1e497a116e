import type { Translate } from "@/lib/i18n/server";
import type { ItemState, StudentState } from "@/lib/assignments/assignment-work";

const KEYS = {
  done: "assignments.state.done",
  late: "assignments.state.late",
  started: "assignments.state.started",
  notStarted: "assignments.state.notStarted",
  overdue: "assignments.state.overdue",
  inProgress: "assignments.state.inProgress",
} as const;

/** A state in words with a symbol, coloured as well (never by colour alone). */
export function StateMark({ state, t, detail }: { state: ItemState | StudentState; t: Translate; detail?: string }) {
  const symbol = { done: "✓", late: "⏰", overdue: "!", started: "…", inProgress: "…", notStarted: "–" }[state];
  return (
    <span className={`assignment-state assignment-state-${state}`}>
      <span aria-hidden="true">{symbol}</span> {t(KEYS[state])}
      {detail && <span className="assignment-state-detail"> · {detail}</span>}
    </span>
  );
}

/** "2.5" hours, rounded for reading. */
export const roundHours = (hours: number) => (hours < 10 ? Math.round(hours * 10) / 10 : Math.round(hours));

/** A late penalty schedule in words: "any late work: −10%; more than 24 h late: −50%". */
export function describePenalty(schedule: { afterHours: number; percent: number }[], t: Translate): string {
  return schedule
    .map((step) => (step.afterHours === 0 ? t("assignments.detail.penaltyAny", { percent: step.percent }) : t("assignments.detail.penaltyStep", { hours: step.afterHours, percent: step.percent })))
    .join("; ");
}
