// The sparkline (renderer/src/components/Sparkline.tsx): what it draws, and that a new sample rewrites only
// the newest part of the line, not all of it (624 charts redrawn at 2 Hz).
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BLOCK_POINTS, Sparkline } from '../../renderer/src/components/Sparkline';

function chart(container: HTMLElement) {
  const svg = container.querySelector('svg')!;
  return {
    svg,
    lines: () => [...svg.querySelectorAll('polyline')],
    points: () => [...svg.querySelectorAll('polyline')].map((line) => line.getAttribute('points')),
    dots: () => [...svg.querySelectorAll('circle')].map((dot) => [dot.getAttribute('cx'), dot.getAttribute('cy')]),
  };
}

/** 120 points, as a leg's window: a gentle saw tooth between 1 and 9. */
const window120 = (start: number) => Array.from({ length: 120 }, (_, i) => 1 + ((start + i) % 9));

describe('Sparkline', () => {
  it('is an image named by its text alternative', () => {
    const { getByRole } = render(<Sparkline values={[1, 2]} label="Packet loss: now 2%" />);
    const image = getByRole('img', { name: 'Packet loss: now 2%' });
    // A screen reader gets the label alone: the drawn lines inside are not announced one by one.
    expect(image.tagName.toLowerCase()).toBe('svg');
    expect([...image.querySelectorAll('[aria-label], [role], title')]).toEqual([]);
  });

  it('scales to the larger of the data and the floor, and breaks the line at gaps, with a lone sample as a dot', () => {
    const { container } = render(<Sparkline values={[0, 10, undefined, 5, undefined, 2, 4]} width={60} height={20} label="x" />);
    const { points, dots, svg } = chart(container);
    expect(svg.getAttribute('viewBox')).toBe('0 0 60 20');
    // x: 10 px per step; y: 20 px for 10.
    expect(points()).toEqual(['0,20 10,0', '50,16 60,12']);
    expect(dots()).toEqual([['30', '10']]);

    const floored = chart(render(<Sparkline values={[1, 2]} width={10} height={20} minimumMax={4} label="y" />).container);
    expect(floored.points()).toEqual(['0,15 10,10']);
  });

  it('draws a window that starts later (a leg’s historyStart) at the same place on screen', () => {
    const { container } = render(<Sparkline values={[0, 10]} firstIndex={5} width={64} height={20} label="x" />);
    const { points, svg } = chart(container);
    // The points sit at their absolute index; the view starts at the first one.
    expect(svg.getAttribute('viewBox')).toBe('320 0 64 20');
    expect(points()).toEqual(['320,20 384,0']);
  });

  it('rewrites only the newest block when the newest sample changes or a new one slides the window', () => {
    const { container, rerender } = render(<Sparkline values={window120(0)} firstIndex={0} width={119} height={9} minimumMax={9} label="x" />);
    const before = chart(container);
    const blocks = before.lines();
    const pointsBefore = before.points();
    expect(blocks.length).toBe(Math.ceil(119 / BLOCK_POINTS));

    // The newest point refreshed within its step.
    const refreshed = window120(0);
    refreshed[119] = 2;
    rerender(<Sparkline values={refreshed} firstIndex={0} width={119} height={9} minimumMax={9} label="x" />);
    const afterRefresh = chart(container);
    expect(afterRefresh.lines().slice(0, -1)).toEqual(blocks.slice(0, -1)); // the same elements…
    expect(afterRefresh.points().slice(0, -1)).toEqual(pointsBefore.slice(0, -1)); // …with the same points
    expect(afterRefresh.points().at(-1)).not.toBe(pointsBefore.at(-1));

    // A new step: the oldest point leaves, a new one arrives; the view pans by one step.
    rerender(<Sparkline values={window120(1)} firstIndex={1} width={119} height={9} minimumMax={9} label="x" />);
    const slid = chart(container);
    expect(slid.svg.getAttribute('viewBox')).toBe('1 0 119 9');
    const middle = (list: unknown[]) => list.slice(1, -1);
    expect(middle(slid.lines())).toEqual(middle(blocks));
    expect(middle(slid.points())).toEqual(middle(pointsBefore));
  });
});
