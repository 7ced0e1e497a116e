import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDay, previousDay, streakOf } from "./streak";

describe("previousDay", () => {
  it("steps back over month, year and leap-day boundaries", () => {
    expect(previousDay("2026-03-01")).toBe("2026-02-28");
    expect(previousDay("2024-03-01")).toBe("2024-02-29");
    expect(previousDay("2027-01-01")).toBe("2026-12-31");
    expect(previousDay("2026-11-02")).toBe("2026-11-01");
  });

  it("refuses what is not a date", () => {
    expect(() => previousDay("yesterday")).toThrow(/YYYY-MM-DD/);
  });
});

describe("localDay", () => {
  it("is the date where the student is, not in UTC", () => {
    const instant = new Date("2026-12-03T17:30:00Z");
    expect(localDay(instant, "UTC")).toBe("2026-12-03");
    expect(localDay(instant, "Asia/Shanghai")).toBe("2026-12-04"); // 01:30 the next morning
    expect(localDay(instant, "America/Los_Angeles")).toBe("2026-12-03");
    expect(localDay(new Date("2026-12-03T03:00:00Z"), "America/Los_Angeles")).toBe("2026-12-02");
    expect(localDay(new Date("2026-12-03T18:14:00Z"), "Asia/Kathmandu")).toBe("2026-12-03"); // +05:45: 23:59
    expect(localDay(new Date("2026-12-03T18:15:00Z"), "Asia/Kathmandu")).toBe("2026-12-04");
  });

  it("keeps the calendar through a DST change (a 23-hour and a 25-hour day)", () => {
    // New York springs forward on 2026-03-08 and falls back on 2026-11-01.
    expect(localDay(new Date("2026-03-08T04:59:00Z"), "America/New_York")).toBe("2026-03-07"); // 23:59 EST
    expect(localDay(new Date("2026-03-08T05:00:00Z"), "America/New_York")).toBe("2026-03-08"); // 00:00 EST
    expect(localDay(new Date("2026-03-09T03:59:00Z"), "America/New_York")).toBe("2026-03-08"); // 23:59 EDT
    expect(localDay(new Date("2026-11-02T04:59:00Z"), "America/New_York")).toBe("2026-11-01"); // 23:59 EST, 25 h after midnight EDT
    expect(localDay(new Date("2026-11-02T05:00:00Z"), "America/New_York")).toBe("2026-11-02");
  });
});

// Date math that leaned on the process's own zone would pass in UTC only: run it in others too.
for (const processZone of ["UTC", "Asia/Shanghai", "America/New_York"]) {
  describe(`day arithmetic with the server in ${processZone}`, () => {
    const saved = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = processZone;
    });
    afterAll(() => {
      process.env.TZ = saved;
    });
    it("steps back one calendar day at a time, through both DST changes", () => {
      expect(previousDay("2026-03-09")).toBe("2026-03-08");
      expect(previousDay("2026-03-08")).toBe("2026-03-07");
      expect(previousDay("2026-11-02")).toBe("2026-11-01");
      expect(previousDay("2026-11-01")).toBe("2026-10-31");
      expect(streakOf(["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09"], "2026-03-09").current).toBe(4);
      expect(streakOf(["2026-10-31", "2026-11-01", "2026-11-02"], "2026-11-02").current).toBe(3);
    });
  });
}

describe("streakOf", () => {
  it("counts consecutive days ending today", () => {
    expect(streakOf(["2026-12-01", "2026-12-02", "2026-12-03"], "2026-12-03")).toEqual({ current: 3, longest: 3, activeToday: true });
  });

  it("keeps yesterday's run alive while today is still open, and ends it after that", () => {
    const days = ["2026-12-01", "2026-12-02"];
    expect(streakOf(days, "2026-12-03")).toEqual({ current: 2, longest: 2, activeToday: false });
    expect(streakOf(days, "2026-12-04")).toEqual({ current: 0, longest: 2, activeToday: false });
  });

  it("stops at a gap, and the longest run can be an old one", () => {
    const days = ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-12-01", "2026-12-03"];
    expect(streakOf(days, "2026-12-03")).toEqual({ current: 1, longest: 4, activeToday: true });
  });

  it("counts a day once however often it appears, across month and DST boundaries", () => {
    const days = ["2026-10-31", "2026-11-01", "2026-11-01", "2026-11-02", "2026-03-07", "2026-03-08", "2026-03-09"];
    expect(streakOf(days, "2026-11-02")).toEqual({ current: 3, longest: 3, activeToday: true });
  });

  it("is nothing without activity", () => {
    expect(streakOf([], "2026-12-03")).toEqual({ current: 0, longest: 0, activeToday: false });
  });
});
