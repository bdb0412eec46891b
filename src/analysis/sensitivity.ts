import type { Scenario } from '../scenario/types.js';
import type { ActorField, Change } from '../scenario/types.js';
import { selectEngines, runEngines, type EngineChoice } from '../engines/select.js';
import { pointForecast } from '../engines/pointForecast.js';
import { fail, ok, type Result } from '../scenario/issues.js';
import { applyChanges } from './applyChanges.js';
import { DEFAULT_NOISE, type NoiseOptions } from './sampler.js';

export interface SensitivityItem {
  actor: string;
  name: string;
  field: ActorField;
  dimension?: string;
  low: number;
  high: number;
  forecastLow: number[];
  forecastHigh: number[];
  /** Largest |forecastHigh − forecastLow| over dimensions, as a share of that dimension's scale range. */
  effect: number;
}

export interface SensitivityResult {
  engine: string;
  base: number[];
  items: SensitivityItem[];
}

/**
 * One-at-a-time (tornado) sensitivity: for every actor attribute, the forecast with it at its low and at its
 * high value (the scenario's `low`/`high`, else value ± 2 sd, else ± twice the default noise), the others at
 * their point values; ranked by effect.
 */
export function sensitivity(s: Scenario, engine: string, sets: Record<string, string> = {}, noise: NoiseOptions = DEFAULT_NOISE): Result<SensitivityResult> {
  const chosen = selectEngines(engine, sets);
  if (!chosen.ok) return chosen;
  if (chosen.value.length !== 1) return fail([{ path: '--engine', message: 'sensitivity runs one engine at a time' }]);
  const run = (sc: Scenario) => pointForecast(runEngines(sc, chosen.value as EngineChoice[])[0]);
  const base = run(s);
  const ranges = s.dimensions.map((d) => d.scale.max - d.scale.min);
  const items: SensitivityItem[] = [];
  for (const a of s.actors) {
    const targets: { field: ActorField; dimension?: string }[] = [
      { field: 'capability' },
      ...s.dimensions.flatMap((d) => [
        { field: 'position' as const, dimension: d.id },
        { field: 'salience' as const, dimension: d.id },
      ]),
    ];
    for (const t of targets) {
      const u = t.field === 'capability' ? a.capability : t.field === 'position' ? a.position[t.dimension!] : a.salience[t.dimension!];
      const dim = s.dimensions.find((d) => d.id === t.dimension);
      const defaultSd = t.field === 'capability' ? noise.capability * u.value : t.field === 'salience' ? noise.salience : noise.position * (dim!.scale.max - dim!.scale.min);
      const sd = u.sd ?? defaultSd;
      const [lo, hi] = t.field === 'capability' ? [1e-9, Infinity] : t.field === 'salience' ? [0, 1] : [dim!.scale.min, dim!.scale.max];
      const low = Math.max(lo, u.low ?? u.value - 2 * sd);
      const high = Math.min(hi, u.high ?? u.value + 2 * sd);
      if (low === high) continue;
      const at = (v: number) => {
        const c: Change = { kind: 'set', actor: a.id, field: t.field, op: 'set', value: v };
        if (t.dimension) c.dimension = t.dimension;
        return run(applyChanges(s, [c]).scenario);
      };
      const forecastLow = at(low);
      const forecastHigh = at(high);
      const effect = Math.max(...forecastHigh.map((x, k) => Math.abs(x - forecastLow[k]) / ranges[k]));
      const item: SensitivityItem = { actor: a.id, name: a.name, field: t.field, low, high, forecastLow, forecastHigh, effect };
      if (t.dimension) item.dimension = t.dimension;
      items.push(item);
    }
  }
  items.sort((x, y) => y.effect - x.effect);
  return ok({ engine: chosen.value[0].engine.name, base, items });
}
