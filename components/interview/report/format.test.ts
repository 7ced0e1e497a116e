import { describe, expect, it } from "vitest";
import { clock, points } from "./format";

describe("the report's numbers", () => {
  it("writes seconds as m:ss, and h:mm:ss past the hour", () => {
    expect(clock(0)).toBe("0:00");
    expect(clock(59.6)).toBe("1:00");
    expect(clock(754)).toBe("12:34");
    expect(clock(3723)).toBe("1:02:03");
    expect(clock(-5)).toBe("0:00");
  });

  it("writes points with at most two places", () => {
    expect(points(3)).toBe("3");
    expect(points(2.5)).toBe("2.5");
    expect(points(1 / 3)).toBe("0.33");
  });
});
