/**
 * The class's progress per day, from the days on which something happened
 * (the database groups by day in the teacher's time zone): every day from
 * the first to the last is there, with the cumulative number of solved
 * (student, item) pairs and that day's active students.
 */
export type DayCount = { day: string; solved: number; active: number };
export type DayPoint = { day: string; solvedTotal: number; active: number };

const DAY_MS = 86_400_000;
const parseDay = (day: string) => Date.parse(`${day}T00:00:00Z`);
const formatDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Days longer than this (years of history) are cut to the newest ones, so a page never draws thousands of points. */
export const MAX_DAYS = 366;

export function progressSeries(counts: DayCount[]): DayPoint[] {
  if (counts.length === 0) return [];
  const byDay = new Map(counts.map((count) => [count.day, count]));
  const days = counts.map((count) => parseDay(count.day)).sort((a, b) => a - b);
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const points: DayPoint[] = [];
  let solvedTotal = 0;
  for (let time = first; time <= last; time += DAY_MS) {
    const day = formatDay(time);
    const count = byDay.get(day);
    solvedTotal += count?.solved ?? 0;
    points.push({ day, solvedTotal, active: count?.active ?? 0 });
  }
  return points.slice(-MAX_DAYS);
}
