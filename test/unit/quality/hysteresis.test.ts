import { describe, expect, it } from 'vitest';
import { createHysteresis } from '../../../electron/core/quality/hysteresis';
import type { LegClassification } from '../../../shared/domain/legs';

function run(levels: LegClassification[], samplesToSwitch = 3): LegClassification[] {
  const hysteresis = createHysteresis(samplesToSwitch);
  return levels.map((level) => hysteresis.push(level, null).state);
}

describe('hysteresis: enter after 3 consecutive samples, leave after 3', () => {
  it('stays unknown until three judged samples', () => {
    expect(run(['good', 'good', 'good'])).toEqual(['unknown', 'unknown', 'good']);
  });

  it('one or two bad samples do not change the state', () => {
    expect(run(['good', 'good', 'good', 'poor', 'poor', 'good', 'poor'])).toEqual(Array(7).fill('good').fill('unknown', 0, 2));
  });

  it('three poor samples make it poor, three good ones clear it', () => {
    const states = run(['good', 'good', 'good', 'poor', 'poor', 'poor', 'good', 'good', 'good']);
    expect(states.slice(2)).toEqual(['good', 'good', 'good', 'poor', 'poor', 'poor', 'good']);
  });

  it('alternating worse samples confirm the mildest of them', () => {
    const states = run(['good', 'good', 'good', 'poor', 'warning', 'poor']);
    expect(states.at(-1)).toBe('warning');
  });

  it('improving samples confirm the harshest of them', () => {
    const states = run(['poor', 'poor', 'poor', 'good', 'warning', 'good']);
    expect(states.at(-1)).toBe('warning');
  });

  it('unknown samples neither count nor break a streak', () => {
    const states = run(['good', 'good', 'good', 'poor', 'unknown', 'poor', 'unknown', 'poor']);
    expect(states.at(-1)).toBe('poor');
    expect(states.at(-2)).toBe('good');
  });

  it('a sample at the current level breaks the streak', () => {
    expect(run(['good', 'good', 'good', 'poor', 'poor', 'good', 'poor', 'poor']).at(-1)).toBe('good');
  });

  it('reports the change once, with the previous state and the reason', () => {
    const hysteresis = createHysteresis(1);
    const reason = { metric: 'lossPercent' as const, value: 20, threshold: 10 };
    expect(hysteresis.push('poor', reason)).toEqual({ state: 'poor', reason, previous: 'unknown', changed: true });
    expect(hysteresis.push('poor', reason).changed).toBe(false);
  });

  it('refuses a non-positive sample count', () => {
    expect(() => createHysteresis(0)).toThrow(RangeError);
  });

  it('tells the streak under way: turning poor 2/3, then recovering, none once the state agrees', () => {
    const hysteresis = createHysteresis(3);
    for (const level of ['good', 'good', 'good'] as const) hysteresis.push(level, null);
    expect(hysteresis.trend).toBeNull();
    hysteresis.push('poor', { metric: 'lossPercent', value: 25, threshold: 10 });
    hysteresis.push('poor', { metric: 'lossPercent', value: 20, threshold: 10 });
    expect(hysteresis.trend).toEqual({ toward: 'poor', samples: 2, samplesNeeded: 3 });
    hysteresis.push('poor', null);
    expect(hysteresis.state).toBe('poor');
    expect(hysteresis.trend).toBeNull();
    hysteresis.push('good', null);
    expect(hysteresis.trend).toEqual({ toward: 'good', samples: 1, samplesNeeded: 3 });
    hysteresis.push('poor', null);
    expect(hysteresis.trend).toBeNull();
  });
});
