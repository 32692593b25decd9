/**
 * A small SVG line chart of one metric. Gaps (samples without the metric) break the line instead of
 * drawing a false zero. The chart is an image with a text alternative (latest, min, max), because a
 * screen reader cannot read a polyline.
 */
import { memo } from 'react';

export interface SparklineProps {
  values: readonly (number | undefined)[];
  width?: number;
  height?: number;
  /** Accessible description, e.g. "Loss over the last minutes: latest 1.2 %, max 3 %". */
  label: string;
  /** The y axis starts at 0 and reaches at least this (e.g. a threshold), so small noise stays flat. */
  minimumMax?: number;
  className?: string;
  /** Draws top and bottom gridlines (the larger detail charts label them in HTML next to the chart). */
  grid?: boolean;
}

/** One decimal is sub-pixel: enough, and cheaper than toFixed (24 rooms × 6 legs × 5 charts at 2 Hz). */
const round = (n: number) => Math.round(n * 10) / 10;

function segments(values: readonly (number | undefined)[], width: number, height: number, max: number): string[] {
  const out: string[] = [];
  let current = '';
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value === undefined || !Number.isFinite(value)) {
      if (current !== '') out.push(current);
      current = '';
      continue;
    }
    const x = values.length > 1 ? index * step : width / 2;
    const y = height - (Math.min(value, max) / max) * height;
    current += (current === '' ? '' : ' ') + round(x) + ',' + round(y);
  }
  if (current !== '') out.push(current);
  return out;
}

/** The top of the y axis for these values: the larger of the data's maximum and `minimumMax`, at least 1. */
export function chartMax(values: readonly (number | undefined)[], minimumMax = 0): number {
  let max = minimumMax;
  for (const value of values) if (value !== undefined && Number.isFinite(value) && value > max) max = value;
  return max > 0 ? max : 1;
}

export const Sparkline = memo(function Sparkline({
  values,
  width = 96,
  height = 24,
  label,
  minimumMax = 0,
  className,
  grid = false,
}: SparklineProps) {
  const max = chartMax(values, minimumMax);
  const lines = segments(values, width, height, max);
  return (
    <svg
      className={['sparkline', className].filter(Boolean).join(' ')}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      preserveAspectRatio="none"
      focusable="false"
    >
      {grid && (
        <>
          <line className="sparkline-grid" x1={0} x2={width} y1={0.5} y2={0.5} />
          <line className="sparkline-grid" x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} />
        </>
      )}
      {lines.map((points, index) =>
        points.includes(' ') ? (
          <polyline key={index} points={points} fill="none" stroke="currentColor" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
        ) : (
          <circle key={index} cx={points.split(',')[0]} cy={points.split(',')[1]} r={1.5} fill="currentColor" />
        ),
      )}
    </svg>
  );
});
