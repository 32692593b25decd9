/**
 * A small SVG line chart of one metric. Gaps (samples without the metric) break the line instead of
 * drawing a false zero; a sample alone between two gaps is a dot. The chart is an image with a text
 * alternative (latest, highest), because a screen reader cannot read a line.
 *
 * Why it is drawn this way (24 rooms × 6 legs × up to 5 charts, all redrawn at 2 Hz): a new sample
 * changes the newest point only, and once per history step the window slides by one point. So a point's x
 * comes from its absolute index (a leg's historyStart + i) and the viewBox pans with the window, and the line
 * is cut into blocks of BLOCK_POINTS points by absolute index, each a memoized set of polylines: a new sample
 * rebuilds and re-parses the newest block only (and, after a slide, the oldest), not 120 points. A new
 * maximum (the y scale) redraws every block; that is rare once a window is full.
 */
import { memo } from 'react';

export interface SparklineProps {
  values: readonly (number | undefined)[];
  /**
   * The absolute index of values[0] (a leg's historyStart). Only a speed-up: with it, a window that slid by
   * one point keeps its blocks; without it (0) the chart looks the same.
   */
  firstIndex?: number;
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

type Values = readonly (number | undefined)[];

/**
 * Points per block: a new sample rebuilds at most this many. Each block is an element to lay out and paint,
 * so smaller is not free; 16, 40 and 120 measured alike in the Rooms bench (bench/ui), 40 bounds the rebuild.
 */
export const BLOCK_POINTS = 40;

const defined = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value);

/** The top of the y axis for these values: the larger of the data's maximum and `minimumMax`, at least 1. */
export function chartMax(values: Values, minimumMax = 0): number {
  let max = minimumMax;
  for (const value of values) if (defined(value) && value > max) max = value;
  return max > 0 ? max : 1;
}

/** A block: the points at absolute indexes from..to (inclusive; its last point is the next block's first). */
export interface LineBlockRange {
  key: number;
  from: number;
  to: number;
}

export function lineBlocks(firstIndex: number, count: number): LineBlockRange[] {
  const last = firstIndex + count - 1;
  const blocks: LineBlockRange[] = [];
  for (let key = Math.floor(firstIndex / BLOCK_POINTS); key * BLOCK_POINTS < last; key++) {
    blocks.push({ key, from: Math.max(key * BLOCK_POINTS, firstIndex), to: Math.min((key + 1) * BLOCK_POINTS, last) });
  }
  return blocks;
}

/** How a block maps data to pixels: x = absolute index × xStep (the viewBox pans), y = height − value × yScale. */
interface Scale {
  xStep: number;
  yScale: number;
  height: number;
}

/** One decimal is sub-pixel: enough, and cheaper than toFixed. */
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The runs (two or more consecutive values) within from..to, each as polyline points in pixels. A run of one
 * point inside a block is left out: it is either joined to a neighbour in the next or previous block (they
 * share their edge point) or isolated, and isolated points are drawn by `isolatedPoints`.
 */
export function blockRuns(values: Values, firstIndex: number, from: number, to: number, { xStep, yScale, height }: Scale): string[] {
  const runs: string[] = [];
  let run = '';
  let length = 0;
  for (let index = from; index <= to + 1; index++) {
    const value = index <= to ? values[index - firstIndex] : undefined;
    if (!defined(value)) {
      if (length > 1) runs.push(run);
      run = '';
      length = 0;
      continue;
    }
    run += (length === 0 ? '' : ' ') + round(index * xStep) + ',' + round(height - value * yScale);
    length++;
  }
  return runs;
}

/** The points without a defined neighbour, in pixels: drawn as dots (a line needs two points). */
export function isolatedPoints(values: Values, firstIndex: number, { xStep, yScale, height }: Scale): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (defined(value) && !defined(values[i - 1]) && !defined(values[i + 1])) points.push([round((firstIndex + i) * xStep), round(height - value * yScale)]);
  }
  return points;
}

interface LineBlockProps extends Scale {
  from: number;
  to: number;
  values: Values;
  firstIndex: number;
}

/** Equal when the scale and the block's own points are equal: the rest of the line may have changed around it. */
function sameBlock(previous: LineBlockProps, next: LineBlockProps): boolean {
  if (previous.from !== next.from || previous.to !== next.to) return false;
  if (previous.xStep !== next.xStep || previous.yScale !== next.yScale || previous.height !== next.height) return false;
  for (let index = next.from; index <= next.to; index++) {
    if (previous.values[index - previous.firstIndex] !== next.values[index - next.firstIndex]) return false;
  }
  return true;
}

// polyline `points` is not a CSS property (unlike path `d` or `transform`): changing it re-lays out the
// shape without a style recalc.
const LineBlock = memo(function LineBlock({ values, firstIndex, from, to, ...scale }: LineBlockProps) {
  return blockRuns(values, firstIndex, from, to, scale).map((points, index) => (
    <polyline key={index} points={points} fill="none" stroke="currentColor" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
  ));
}, sameBlock);

export const Sparkline = memo(function Sparkline({
  values,
  firstIndex = 0,
  width = 96,
  height = 24,
  label,
  minimumMax = 0,
  className,
  grid = false,
}: SparklineProps) {
  const max = chartMax(values, minimumMax);
  const count = values.length;
  const scale: Scale = { xStep: count > 1 ? width / (count - 1) : 0, yScale: height / max, height };
  // The viewBox pans to the first point, so a window that slid by one point keeps its blocks' coordinates;
  // a single point sits in the middle.
  const left = count > 1 ? firstIndex * scale.xStep : -width / 2;
  return (
    <svg
      className={className === undefined ? 'sparkline' : `sparkline ${className}`}
      role="img"
      aria-label={label}
      viewBox={`${left} 0 ${width} ${height}`}
      width={width}
      height={height}
      preserveAspectRatio="none"
      focusable="false"
    >
      {grid && (
        <>
          <line className="sparkline-grid" x1={left} x2={left + width} y1={0.5} y2={0.5} />
          <line className="sparkline-grid" x1={left} x2={left + width} y1={height - 0.5} y2={height - 0.5} />
        </>
      )}
      {lineBlocks(firstIndex, count).map((block) => (
        <LineBlock key={block.key} from={block.from} to={block.to} values={values} firstIndex={firstIndex} {...scale} />
      ))}
      {isolatedPoints(values, firstIndex, scale).map(([x, y]) => (
        <circle key={x} cx={x} cy={y} r={1.5} fill="currentColor" />
      ))}
    </svg>
  );
});
