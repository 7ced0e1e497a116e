import { describe, expect, it } from "vitest";
import { chartGeometry, niceMax } from "./chart-scale";
import { progressSeries } from "./progress-series";

const box = { width: 120, height: 70, left: 10, right: 10, top: 10, bottom: 10 };

describe("niceMax", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect([0, 1, 3, 7, 10, 11, 180, 4000].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 200, 5000]);
  });
});

describe("chartGeometry", () => {
  it("places the values in the plot area, top value at the top", () => {
    const geometry = chartGeometry([0, 5, 10], box, 2);
    expect(geometry.max).toBe(10);
    expect(geometry.points).toEqual([
      { x: 10, y: 60 },
      { x: 60, y: 35 },
      { x: 110, y: 10 },
    ]);
    expect(geometry.ticks).toEqual([
      { value: 0, y: 60 },
      { value: 5, y: 35 },
      { value: 10, y: 10 },
    ]);
    expect(geometry.path).toBe("M10,60 L60,35 L110,10");
  });

  it("centres a single point and survives all zeros", () => {
    expect(chartGeometry([0], box).points).toEqual([{ x: 60, y: 60 }]);
  });
});

describe("progressSeries", () => {
  it("fills the days between and accumulates the solved pairs", () => {
    expect(
      progressSeries([
        { day: "2026-12-03", solved: 2, active: 1 },
        { day: "2026-12-01", solved: 1, active: 3 },
      ]),
    ).toEqual([
      { day: "2026-12-01", solvedTotal: 1, active: 3 },
      { day: "2026-12-02", solvedTotal: 1, active: 0 },
      { day: "2026-12-03", solvedTotal: 3, active: 1 },
    ]);
    expect(progressSeries([])).toEqual([]);
  });
});
