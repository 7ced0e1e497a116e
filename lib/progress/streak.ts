/**
 * Streaks: consecutive calendar days with some activity, in the student's
 * time zone. Days are `YYYY-MM-DD` strings; stepping from one to the day
 * before is done on that calendar date in UTC, never by subtracting 24 hours
 * from an instant, so a day of 23 or 25 hours (a DST change) cannot skip or
 * repeat a date.
 */

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone (an IANA name such as Asia/Shanghai). */
export function localDay(instant: Date, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date before `day`. */
export function previousDay(day: string): string {
  const match = DAY.exec(day);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${day}`);
  const [, year, month, date] = match;
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(date) - 1)).toISOString().slice(0, 10);
}

export type Streak = {
  /** Consecutive active days ending today, or ending yesterday while today is still open. */
  current: number;
  longest: number;
  activeToday: boolean;
};

/**
 * A streak is alive while today may still extend it: with nothing done yet
 * today, the run that ended yesterday still counts; one that ended the day
 * before yesterday is over.
 */
export function streakOf(activeDays: Iterable<string>, today: string): Streak {
  const days = new Set(activeDays);
  const activeToday = days.has(today);
  let current = 0;
  for (let day = activeToday ? today : previousDay(today); days.has(day); day = previousDay(day)) current += 1;

  let longest = 0;
  for (const day of days) {
    // Count each run once, from its last day backwards.
    if (days.has(nextDay(day))) continue;
    let length = 0;
    for (let cursor = day; days.has(cursor); cursor = previousDay(cursor)) length += 1;
    longest = Math.max(longest, length);
  }
  return { current, longest, activeToday };
}

function nextDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}
