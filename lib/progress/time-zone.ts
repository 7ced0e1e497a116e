/**
 * The student's time zone, for counting days (streaks) and showing times:
 * the browser reports it in a cookie (components/time-zone-cookie.tsx);
 * until it has, and for a name this runtime does not know, days are UTC days.
 */
export const TIME_ZONE_COOKIE = "awaitable_tz";
export const DEFAULT_TIME_ZONE = "UTC";

export function resolveTimeZone(value: string | null | undefined): string {
  if (!value || value.length > 64) return DEFAULT_TIME_ZONE;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}
