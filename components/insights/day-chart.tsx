/**
 * A small accessible line chart of one value per day: an inline SVG with
 * its title and description (what it shows, in words), labelled axes, and
 * the same numbers in a table beside it for screen readers and for reading
 * exact values. Server-rendered, no script.
 */
import { chartGeometry } from "@/lib/insights/chart-scale";

const BOX = { width: 640, height: 220, left: 48, right: 16, top: 16, bottom: 40 };

export function DayChart({
  id,
  title,
  description,
  days,
  values,
  valueLabel,
  dayLabel,
}: {
  id: string;
  title: string;
  description: string;
  days: string[];
  values: number[];
  valueLabel: string;
  dayLabel: string;
}) {
  const geometry = chartGeometry(values, BOX);
  const labelEvery = Math.max(1, Math.ceil(days.length / 6));
  const baseline = BOX.height - BOX.bottom;
  return (
    <figure className="insights-chart">
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="insights-chart-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {geometry.ticks.map((tick) => (
          <g key={tick.value} className="insights-chart-tick">
            <line x1={BOX.left} x2={BOX.width - BOX.right} y1={tick.y} y2={tick.y} />
            <text x={BOX.left - 6} y={tick.y + 4} textAnchor="end">
              {Number.isInteger(tick.value) ? tick.value : tick.value.toFixed(1)}
            </text>
          </g>
        ))}
        <line className="insights-chart-axis" x1={BOX.left} x2={BOX.width - BOX.right} y1={baseline} y2={baseline} />
        {days.map((day, index) =>
          index % labelEvery === 0 || index === days.length - 1 ? (
            <text key={day} className="insights-chart-day" x={geometry.points[index]!.x} y={baseline + 16} textAnchor="middle">
              {day.slice(5)}
            </text>
          ) : null,
        )}
        <text className="insights-chart-axis-label" x={(BOX.left + BOX.width - BOX.right) / 2} y={BOX.height - 4} textAnchor="middle">
          {dayLabel}
        </text>
        <text className="insights-chart-axis-label" x={12} y={BOX.top + (baseline - BOX.top) / 2} textAnchor="middle" transform={`rotate(-90 12 ${BOX.top + (baseline - BOX.top) / 2})`}>
          {valueLabel}
        </text>
        <path className="insights-chart-line" d={geometry.path} />
        {geometry.points.map((point, index) => (
          <circle key={days[index]} className="insights-chart-point" cx={point.x} cy={point.y} r={days.length > 60 ? 1.5 : 3} />
        ))}
      </svg>
      <figcaption className="muted">{description}</figcaption>
    </figure>
  );
}
