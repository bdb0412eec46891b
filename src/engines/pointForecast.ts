import type { RunResult } from './types.js';

/**
 * The single number per dimension that analyses (Monte Carlo, key actors, sensitivity, what-if) compare: the
 * forecast position, except where the run ended in a cycle (EUM), where it is the cycle's mean — the final
 * median of a cycling run depends on where the cycle happens to be cut (Scholz et al. 2011 recommend the
 * mean for this reason).
 */
export function pointForecast(r: RunResult): number[] {
  const cycle = r.forecast.cycleMean as (number | null)[] | undefined;
  return r.forecast.position.map((x, k) => (cycle && typeof cycle[k] === 'number' ? (cycle[k] as number) : x));
}

/** The cycle an engine reports for dimension k (EUM's `stop.dimensions[k].cycle`), if any. */
export function cycleOf(r: RunResult, k: number): { period: number; medians: number[]; mean: number } | undefined {
  const dims = r.stop.dimensions as { cycle?: { period: number; medians: number[]; mean: number } | null }[] | undefined;
  return dims?.[k]?.cycle ?? undefined;
}

/** "cycles through 35–50 (period 5, mean 41)" when the run ended in a cycle on dimension k, else undefined. */
export function cycleNote(r: RunResult, k: number, format: (x: number) => string): string | undefined {
  const c = cycleOf(r, k);
  if (!c || c.period < 2) return undefined;
  const lo = Math.min(...c.medians);
  const hi = Math.max(...c.medians);
  if (lo === hi) return undefined;
  return `cycles through ${format(lo)}–${format(hi)} (period ${c.period}, mean ${format(c.mean)})`;
}
