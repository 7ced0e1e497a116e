import { describe, expect, it } from "vitest";
import { tabPresence } from "./save-work";
import { OTHER_TAB_SECONDS } from "./formats";

const now = new Date("2026-12-05T10:00:30Z");
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("tabPresence", () => {
  it(`tells a tab of another that reported within ${OTHER_TAB_SECONDS} s`, () => {
    expect(OTHER_TAB_SECONDS).toBe(20);
    expect(tabPresence({ activeTabId: "tab-A-123", activeTabSeenAt: secondsAgo(5) }, "tab-B-456", now)).toEqual({
      otherTab: true,
      data: { activeTabId: "tab-B-456", activeTabSeenAt: now },
    });
    expect(tabPresence({ activeTabId: "tab-A-123", activeTabSeenAt: secondsAgo(19.999) }, "tab-B-456", now).otherTab).toBe(true);
  });

  it("does not tell it of one silent for 20 s or more, nor of itself", () => {
    expect(tabPresence({ activeTabId: "tab-A-123", activeTabSeenAt: secondsAgo(20) }, "tab-B-456", now).otherTab).toBe(false);
    expect(tabPresence({ activeTabId: "tab-A-123", activeTabSeenAt: secondsAgo(300) }, "tab-B-456", now).otherTab).toBe(false);
    expect(tabPresence({ activeTabId: "tab-A-123", activeTabSeenAt: secondsAgo(1) }, "tab-A-123", now)).toEqual({
      otherTab: false,
      data: { activeTabId: "tab-A-123", activeTabSeenAt: now },
    });
  });

  it("makes the first tab the one last seen", () => {
    expect(tabPresence({ activeTabId: null, activeTabSeenAt: null }, "tab-A-123", now)).toEqual({
      otherTab: false,
      data: { activeTabId: "tab-A-123", activeTabSeenAt: now },
    });
    expect(tabPresence({ activeTabId: "tab-A-123", activeTabSeenAt: null }, "tab-B-456", now).otherTab).toBe(false);
  });

  it("changes nothing for a request that names no tab", () => {
    expect(tabPresence({ activeTabId: "tab-A-123", activeTabSeenAt: secondsAgo(1) }, undefined, now)).toEqual({ otherTab: false, data: {} });
  });
});
