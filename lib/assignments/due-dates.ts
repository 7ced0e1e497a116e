/**
 * When work is due and how late it is: an assignment's due date, or the
 * student's own extension; a late penalty schedule of steps
 * [{ afterHours, percent }], the last step passed applies. Pure: the matrix,
 * the exports, the course map and the assignment pages all use it.
 */
import { z } from "zod";

export const ZLatePenaltyStep = z.object({
  afterHours: z.number().min(0).max(24 * 365),
  percent: z.number().min(0).max(100),
});
export const ZLatePenalty = z
  .array(ZLatePenaltyStep)
  .max(10)
  .refine((steps) => steps.every((step, index) => index === 0 || step.afterHours > steps[index - 1]!.afterHours), {
    message: "steps must be in ascending afterHours",
  });
export type TLatePenalty = z.infer<typeof ZLatePenalty>;

export type DueDate = { assignmentId: string; dueAt: Date; extended: boolean; latePenalty: TLatePenalty };

/**
 * A student's due date: their extension, when it is later than the
 * assignment's. An extension the assignment's own date has since overtaken
 * (the teacher moved the due date later) never makes the student due earlier.
 */
export function effectiveDueAt(dueAt: Date, extensionDueAt: Date | null | undefined): { dueAt: Date; extended: boolean } {
  return extensionDueAt && extensionDueAt > dueAt ? { dueAt: extensionDueAt, extended: true } : { dueAt, extended: false };
}

/** Hours past the due date (0 when on time). */
export function hoursLate(at: Date, dueAt: Date): number {
  return Math.max(0, (at.getTime() - dueAt.getTime()) / 3_600_000);
}

export function isLate(at: Date, dueAt: Date): boolean {
  return at.getTime() > dueAt.getTime();
}

/** The percent a submission made at `at` loses: the last step it passed (a step at 0 h applies to any late work). */
export function penaltyPercent(at: Date, dueAt: Date, schedule: TLatePenalty): number {
  if (!isLate(at, dueAt)) return 0;
  const late = hoursLate(at, dueAt);
  let percent = 0;
  for (const step of schedule) if (late > step.afterHours || (step.afterHours === 0 && late > 0)) percent = step.percent;
  return percent;
}

/** A score after the penalty for its lateness. */
export function penalisedScore(score: number, at: Date, dueAt: Date, schedule: TLatePenalty): number {
  return score * (1 - penaltyPercent(at, dueAt, schedule) / 100);
}

/**
 * Of the assignments that hold an item, the one whose (effective) due date
 * comes first: what "late" means for that item when no assignment is chosen.
 */
export function earliestDue(dueDates: DueDate[]): DueDate | null {
  return dueDates.reduce<DueDate | null>((first, due) => (!first || due.dueAt < first.dueAt ? due : first), null);
}
