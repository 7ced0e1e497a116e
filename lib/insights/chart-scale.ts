/**
 * The geometry of a small line chart (values over days), pure so it can be
 * tested: a "nice" top of the y axis (1, 2 or 5 times a power of ten) with
 * its ticks, and each point's position inside the plot area.
 */
export type ChartBox = { width: number; height: number; left: number; right: number; top: number; bottom: number };
export type ChartGeometry = {
  max: number;
  ticks: { value: number; y: number }[];
  points: { x: number; y: number }[];
  path: string;
};

export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * power >= value) ?? 10;
  return step * power;
}

export function chartGeometry(values: number[], box: ChartBox, tickCount = 4): ChartGeometry {
  const max = niceMax(Math.max(0, ...values));
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const y = (value: number) => box.top + plotHeight - (value / max) * plotHeight;
  const x = (index: number) => box.left + (values.length <= 1 ? plotWidth / 2 : (index / (values.length - 1)) * plotWidth);
  const points = values.map((value, index) => ({ x: round(x(index)), y: round(y(value)) }));
  const ticks = Array.from({ length: tickCount + 1 }, (_, index) => {
    const value = (max * index) / tickCount;
    return { value, y: round(y(value)) };
  });
  const path = points.map((point, index) => `${index === 0 ? "M" : "L"}${point.x},${point.y}`).join(" ");
  return { max, ticks, points, path };
}

const round = (value: number) => Math.round(value * 10) / 10;
