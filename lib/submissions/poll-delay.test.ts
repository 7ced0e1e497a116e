import { describe, expect, it } from "vitest";
import { nextPollDelay, POLL_BASE_MS } from "./poll-delay";

describe("nextPollDelay", () => {
  it("asks quickly while the verdict is near", () => {
    expect(nextPollDelay(null)).toBe(POLL_BASE_MS);
    expect(nextPollDelay({ status: "RUNNING", queuePosition: null })).toBe(POLL_BASE_MS);
    expect(nextPollDelay({ status: "QUEUED", queuePosition: 1 })).toBe(POLL_BASE_MS);
    expect(nextPollDelay({ status: "QUEUED", queuePosition: 10 })).toBe(POLL_BASE_MS);
    expect(nextPollDelay({ status: "QUEUED", queuePosition: null })).toBe(POLL_BASE_MS);
  });

  it("asks less often the further back in the queue, at most every 5 s", () => {
    expect(nextPollDelay({ status: "QUEUED", queuePosition: 11 })).toBe(2 * POLL_BASE_MS);
    expect(nextPollDelay({ status: "QUEUED", queuePosition: 50 })).toBe(5 * POLL_BASE_MS);
    expect(nextPollDelay({ status: "QUEUED", queuePosition: 3000 })).toBe(5000);
  });

  it("backs off after failed requests, up to 10 s", () => {
    expect(nextPollDelay({ status: "QUEUED", queuePosition: 1 }, 1)).toBe(2 * POLL_BASE_MS);
    expect(nextPollDelay(null, 3)).toBe(8 * POLL_BASE_MS);
    expect(nextPollDelay(null, 20)).toBe(10_000);
  });
});
