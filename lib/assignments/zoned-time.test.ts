import { describe, expect, it } from "vitest";
import { formatInstant, fromLocalInput, offsetMinutes, toLocalInput } from "./zoned-time";

describe("zoned time", () => {
  it("reads a datetime-local value in the teacher's zone", () => {
    expect(fromLocalInput("2026-12-10T23:59", "Asia/Shanghai")).toBe("2026-12-10T23:59:00+08:00");
    expect(new Date(fromLocalInput("2026-12-10T23:59", "Asia/Shanghai")!).toISOString()).toBe("2026-12-10T15:59:00.000Z");
    expect(fromLocalInput("2026-07-01T09:30", "America/New_York")).toBe("2026-07-01T09:30:00-04:00");
    expect(fromLocalInput("2026-01-01T09:30", "America/New_York")).toBe("2026-01-01T09:30:00-05:00");
    expect(fromLocalInput("2026-01-01T09:30", "UTC")).toBe("2026-01-01T09:30:00+00:00");
    expect(fromLocalInput("not a date", "UTC")).toBeNull();
  });

  it("shows an instant as the zone's wall clock and back", () => {
    const instant = new Date("2026-12-10T15:59:00Z");
    expect(toLocalInput(instant, "Asia/Shanghai")).toBe("2026-12-10T23:59");
    expect(new Date(fromLocalInput(toLocalInput(instant, "Europe/Berlin"), "Europe/Berlin")!)).toEqual(instant);
    expect(offsetMinutes(instant, "Asia/Kolkata")).toBe(330);
  });

  it("names the zone when it formats", () => {
    expect(formatInstant(new Date("2026-12-10T15:59:00Z"), "en", "UTC")).toMatch(/UTC/);
  });
});
