/**
 * A small SVG line chart of one metric. Gaps (samples without the metric) break the line instead of
 * drawing a false zero; a sample alone between two gaps is a dot. The chart is an image with a text
 * alternative (latest, highest), because a screen reader cannot read a line.
 *
 * Why it is drawn this way (issue 7: 24 rooms × 6 legs × up to 5 charts, all redrawn at 2 Hz): a new sample
 * changes the newest point only, and once per history step the window slides by one point. So the line is
 * drawn in data coordinates (x = the point's absolute index, y = its value) and one `transform` maps them
 * to pixels: a new maximum or a slide changes that one attribute, not every point. The line is cut into
 * blocks of BLOCK_POINTS points by absolute index, each a memoized <path>, so a new sample rebuilds and
 * re-parses the newest block only (and, on a slide, the oldest), not 120 points.
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

/** Points per block: small enough that a block is cheap to rebuild, large enough to keep the element count low. */
export const BLOCK_POINTS = 16;

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

/**
 * Path data of the runs (two or more consecutive values) within from..to, in data coordinates. A run of one
 * point inside a block is left out: it is either joined to a neighbour in the next or previous block (they
 * share their edge point) or isolated, and isolated points are drawn by `isolatedPointsPath`.
 */
export function blockPath(values: Values, firstIndex: number, from: number, to: number): string {
  let path = '';
  let run = 0;
  let runStart = '';
  for (let index = from; index <= to; index++) {
    const value = values[index - firstIndex];
    if (!defined(value)) {
      run = 0;
      continue;
    }
    if (run === 0) runStart = 'M' + index + ' ' + value;
    else path += (run === 1 ? runStart : '') + 'L' + index + ' ' + value;
    run++;
  }
  return path;
}

/** Zero-length subpaths at every point without a defined neighbour: a round cap draws each as a dot. */
export function isolatedPointsPath(values: Values, firstIndex: number): string {
  let path = '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (defined(value) && !defined(values[i - 1]) && !defined(values[i + 1])) path += 'M' + (firstIndex + i) + ' ' + value + 'h0';
  }
  return path;
}

interface LineBlockProps {
  from: number;
  to: number;
  values: Values;
  firstIndex: number;
}

/** Equal when the block's own points are equal: the rest of the line may have changed around it. */
function sameBlock(previous: LineBlockProps, next: LineBlockProps): boolean {
  if (previous.from !== next.from || previous.to !== next.to) return false;
  for (let index = next.from; index <= next.to; index++) {
    if (previous.values[index - previous.firstIndex] !== next.values[index - next.firstIndex]) return false;
  }
  return true;
}

const LineBlock = memo(function LineBlock({ values, firstIndex, from, to }: LineBlockProps) {
  const path = blockPath(values, firstIndex, from, to);
  if (path === '') return null;
  return <path d={path} fill="none" stroke="currentColor" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />;
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
  // Data → pixels: x from firstIndex..last onto 0..width (one point: the middle), y from 0..max onto height..0.
  const xScale = count > 1 ? width / (count - 1) : 1;
  const xShift = count > 1 ? -firstIndex * xScale : width / 2 - firstIndex;
  const dots = isolatedPointsPath(values, firstIndex);
  return (
    <svg
      className={className === undefined ? 'sparkline' : `sparkline ${className}`}
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
      <g transform={`matrix(${xScale} 0 0 ${-height / max} ${xShift} ${height})`}>
        {lineBlocks(firstIndex, count).map((block) => (
          <LineBlock key={block.key} from={block.from} to={block.to} values={values} firstIndex={firstIndex} />
        ))}
        {dots !== '' && <path d={dots} fill="none" stroke="currentColor" strokeWidth={3} strokeLinecap="round" vectorEffect="non-scaling-stroke" />}
      </g>
    </svg>
  );
});
