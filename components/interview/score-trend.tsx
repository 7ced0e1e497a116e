import type { Translate } from "@/lib/i18n/server";

/**
 * The scores of past interviews, oldest to newest, as a line with a dot
 * per interview; each dot's title and the list under it say the number,
 * so the trend does not depend on seeing the line.
 */
export function ScoreTrend({ scores, t }: { scores: { score: number; label: string }[]; t: Translate }) {
  if (scores.length < 2) return null;
  const width = 320;
  const height = 80;
  const pad = 8;
  const x = (index: number) => pad + (index * (width - 2 * pad)) / (scores.length - 1);
  const y = (score: number) => height - pad - score * (height - 2 * pad);
  const points = scores.map((entry, index) => `${x(index)},${y(entry.score)}`).join(" ");
  return (
    <figure className="interview-trend">
      <figcaption>{t("interview.history.trend")}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={t("interview.history.trend")}>
        <line x1={pad} x2={width - pad} y1={y(0.7)} y2={y(0.7)} className="interview-trend-target" />
        <polyline points={points} className="interview-trend-line" />
        {scores.map((entry, index) => (
          <circle key={index} cx={x(index)} cy={y(entry.score)} r={4} className="interview-trend-dot">
            <title>{`${entry.label}: ${Math.round(entry.score * 100)}%`}</title>
          </circle>
        ))}
      </svg>
      <p className="muted interview-trend-values">{scores.map((entry) => `${Math.round(entry.score * 100)}%`).join(" → ")}</p>
    </figure>
  );
}
