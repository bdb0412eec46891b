import { describe, expect, it } from 'vitest';
import type { RunResult } from './types.js';
import { cycleNote, pointForecast } from './pointForecast.js';

const base = (forecast: RunResult['forecast'], stop: RunResult['stop']): RunResult => ({ engine: 'x', options: {}, rounds: [{ positions: [] }], forecast, stop });

describe('pointForecast', () => {
  it('is the forecast position, or the cycle mean where the run cycles', () => {
    expect(pointForecast(base({ position: [35, 40] }, { reason: 'converged', rounds: 3 }))).toEqual([35, 40]);
    expect(pointForecast(base({ position: [35, 40], cycleMean: [41, null] }, { reason: 'cycle', rounds: 10 }))).toEqual([41, 40]);
  });
  it('describes a cycle with its range, period and mean, and nothing for a constant one', () => {
    const r = base({ position: [35, 40], cycleMean: [41, 40] }, {
      reason: 'cycle',
      rounds: 10,
      dimensions: [{ cycle: { period: 5, medians: [35, 50, 50, 35, 35], mean: 41 } }, { cycle: { period: 3, medians: [40, 40, 40], mean: 40 } }],
    });
    expect(cycleNote(r, 0, String)).toBe('cycles through 35–50 (period 5, mean 41)');
    expect(cycleNote(r, 1, String)).toBeUndefined();
  });
});
