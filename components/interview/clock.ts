/**
 * The countdown's clock: the server's time, as estimated from its answers
 * (the device's own clock may be off by minutes, and it stops while the
 * laptop sleeps). Each answer gives the offset between the two clocks,
 * taken at the middle of the round trip.
 */

/** serverTime − deviceTime, in ms, from one answer: the request went at `sentAt` and came back at `receivedAt` (device ms). */
export function clockOffset(serverNow: string, sentAt: number, receivedAt: number): number {
  return Date.parse(serverNow) - (sentAt + receivedAt) / 2;
}

/** Milliseconds left before the deadline, by the server's clock; never below 0. */
export function remainingMs(endsAt: string, deviceNow: number, offset: number): number {
  return Math.max(0, Date.parse(endsAt) - (deviceNow + offset));
}

/** 1:05:09, 05:09: a countdown as a clock shows it (rounded up: "00:00" only once time is up). */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (value: number) => String(value).padStart(2, "0");
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}
