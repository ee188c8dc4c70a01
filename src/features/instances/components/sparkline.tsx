const WIDTH = 120;
const HEIGHT = 28;

/** A metric's samples as a line, in plain SVG; `label` is its text alternative. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  const points = values
    .map((v, i) => `${(i * step).toFixed(1)},${(HEIGHT - 2 - ((v - min) / span) * (HEIGHT - 4)).toFixed(1)}`)
    .join(' ');
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-7 w-32">
      {values.length === 1 ? (
        <circle cx={WIDTH / 2} cy={HEIGHT / 2} r={2} className="fill-sky-700" />
      ) : (
        <polyline points={points} fill="none" strokeWidth={1.5} className="stroke-sky-700" />
      )}
    </svg>
  );
}
