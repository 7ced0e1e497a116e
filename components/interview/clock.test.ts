import { describe, expect, it } from "vitest";
import { clockOffset, formatCountdown, remainingMs } from "./clock";

describe("the countdown's clock", () => {
  it("takes the offset at the middle of the round trip", () => {
    // The device is 60 s behind the server; the round trip took 200 ms.
    const server = Date.parse("2026-12-04T10:00:00.100Z");
    const sentAt = server - 60_000 - 100;
    expect(clockOffset("2026-12-04T10:00:00.100Z", sentAt, sentAt + 200)).toBe(60_000);
  });

  it("counts down by the server's clock, whatever the device's says", () => {
    const endsAt = "2026-12-04T10:20:00.000Z";
    const serverNow = Date.parse("2026-12-04T10:10:00.000Z");
    // A device 5 minutes fast: the offset takes it back.
    expect(remainingMs(endsAt, serverNow + 300_000, -300_000)).toBe(600_000);
    expect(remainingMs(endsAt, serverNow + 3_600_000, 0)).toBe(0);
  });

  it("shows a clock's face, rounded up", () => {
    expect(formatCountdown(1_200_000)).toBe("20:00");
    expect(formatCountdown(59_001)).toBe("01:00");
    expect(formatCountdown(1)).toBe("00:01");
    expect(formatCountdown(0)).toBe("00:00");
    expect(formatCountdown(3_909_000)).toBe("1:05:09");
  });
});
