/**
 * A bar chart drawn on the server as inline SVG: no script, nothing from other hosts. The picture is
 * one image with a one-line summary for screen readers; the exact figures follow in a table.
 */
import type { Bar } from '@/lib/stats/series';

const WIDTH = 600;
const HEIGHT = 160;
const AXIS = 16;

type Props = { id: string; title: string; unit: string; bars: Bar[]; labelHeader: string };

function summary(bars: Bar[], unit: string): string {
  const total = bars.reduce((sum, bar) => sum + bar.value, 0);
  const peak = bars.reduce((best, bar) => (bar.value > best.value ? bar : best), bars[0] ?? { label: '', value: 0 });
  if (total === 0) return `No ${unit} from ${bars[0]?.label ?? ''} to ${bars.at(-1)?.label ?? ''}.`;
  return `${total} ${unit} from ${bars[0].label} to ${bars.at(-1)!.label}; the most, ${peak.value}, on ${peak.label}.`;
}

export function BarChart({ id, title, unit, bars, labelHeader }: Props) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const step = WIDTH / Math.max(1, bars.length);
  const plot = HEIGHT - AXIS;
  return (
    <section className="stats-chart" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary(bars, unit)} className="stats-chart__svg">
        <line x1={0} y1={plot} x2={WIDTH} y2={plot} className="stats-chart__axis" />
        {bars.map((bar, i) => {
          const height = (bar.value / max) * (plot - 4);
          return <rect key={bar.label} x={i * step + step * 0.15} y={plot - height} width={step * 0.7} height={height} className="stats-chart__bar" />;
        })}
        <text x={0} y={HEIGHT - 2} className="stats-chart__label">
          {bars[0]?.label}
        </text>
        <text x={WIDTH} y={HEIGHT - 2} textAnchor="end" className="stats-chart__label">
          {bars.at(-1)?.label}
        </text>
      </svg>
      <p className="stats-chart__summary">{summary(bars, unit)}</p>
      <details>
        <summary>The figures</summary>
        <div className="stats-table-scroll" role="region" aria-label={`${title}: the figures`} tabIndex={0}>
          <table className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{labelHeader}</th>
                <th scope="col">{unit[0].toUpperCase() + unit.slice(1)}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.label}>
                  <td>{bar.label}</td>
                  <td>{bar.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
