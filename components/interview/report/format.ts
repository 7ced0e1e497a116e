/** The report's numbers in words shared by its server and client parts. */

/** Seconds as m:ss (or h:mm:ss past the hour): the time an item was open. */
export function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

/** Points to at most two places, without trailing zeros: 3, 2.5, 0.33. */
export function points(value: number): string {
  return String(Math.round(value * 100) / 100);
}
