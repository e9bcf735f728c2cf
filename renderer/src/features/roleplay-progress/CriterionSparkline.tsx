const WIDTH = 96;
const HEIGHT = 24;
const PAD = 3;

/**
 * A criterion's scores over sessions as a line, oldest on the left: whether coaching took shows as
 * a shape. The label says the same values in words; the table beside it shows them as text.
 */
export function CriterionSparkline({ fractions, label }: { fractions: readonly number[]; label: string }) {
  const step = fractions.length > 1 ? (WIDTH - 2 * PAD) / (fractions.length - 1) : 0;
  const points = fractions.map((fraction, i) => ({
    x: fractions.length > 1 ? PAD + i * step : WIDTH / 2,
    y: PAD + (1 - Math.min(1, Math.max(0, fraction))) * (HEIGHT - 2 * PAD),
  }));
  return (
    <svg className="roleplay-sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={label} data-testid="roleplay-sparkline">
      <line x1={0} x2={WIDTH} y1={HEIGHT - PAD} y2={HEIGHT - PAD} className="roleplay-sparkline-base" />
      {points.length > 1 && <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} className="roleplay-sparkline-line" />}
      {points.map((p, i) => (
        <circle key={i} cx={p.x} cy={p.y} r={2} className="roleplay-sparkline-point" />
      ))}
    </svg>
  );
}
