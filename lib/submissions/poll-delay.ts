/**
 * How long the exercise page waits before asking again about a submission
 * it is watching. Quick while the verdict is near (running, or among the
 * next few in the queue); slower the further back in the queue it waits, so
 * that a deadline surge of thousands of waiting students does not turn into
 * thousands of requests a second; slower still after failed requests.
 */
export const POLL_BASE_MS = 400;
const POLL_MAX_MS = 5000;
const FAILING_MAX_MS = 10_000;

export function nextPollDelay(status: { status: string; queuePosition: number | null } | null, failuresInARow = 0): number {
  if (failuresInARow > 0) return Math.min(FAILING_MAX_MS, POLL_BASE_MS * 2 ** failuresInARow);
  if (!status || status.status !== "QUEUED" || !status.queuePosition) return POLL_BASE_MS;
  // Ten places in the queue take a few hundred milliseconds to drain: check
  // once per ten places ahead, at most every five seconds.
  return Math.min(POLL_MAX_MS, POLL_BASE_MS * Math.max(1, Math.ceil(status.queuePosition / 10)));
}
