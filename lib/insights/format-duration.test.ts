import { describe, expect, it } from "vitest";
import { durationParts } from "./format-duration";

describe("durationParts", () => {
  it("picks the unit by size", () => {
    expect(durationParts(42.4)).toEqual({ key: "insights.seconds", value: 42 });
    expect(durationParts(1800)).toEqual({ key: "insights.minutes", value: 30 });
    expect(durationParts(44100)).toEqual({ key: "insights.hours", value: 12.3 });
    expect(durationParts(3 * 86_400)).toEqual({ key: "insights.days", value: 3 });
  });
});
