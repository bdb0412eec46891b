import type { Change, Scenario } from '../scenario/types.js';
import { selectEngines, runEngines, type EngineChoice } from '../engines/select.js';
import { pointForecast } from '../engines/pointForecast.js';
import { fail, ok, type Result } from '../scenario/issues.js';
import { applyChanges } from './applyChanges.js';

export interface KeyActor {
  actor: string;
  name: string;
  /** Forecast without the actor (null when removing it leaves fewer than two actors). */
  without: number[] | null;
  /** Forecast with the actor's position moved up / down by `shift` × the scale range on every dimension. */
  up: number[];
  down: number[];
  /** Largest forecast change, as a share of the scale range, over removal and both shifts and all dimensions. */
  influence: number;
}

export interface KeyActorsResult {
  engine: string;
  base: number[];
  /** Shift as a share of each scale's range. */
  shift: number;
  actors: KeyActor[];
}

/**
 * Key actors: for each actor, the forecast without it and with its position moved by ±shift of the scale
 * (clamped to the scale), ranked by the largest change they cause.
 */
export function keyActors(s: Scenario, engine: string, sets: Record<string, string> = {}, shift = 0.1): Result<KeyActorsResult> {
  if (!(shift > 0 && shift <= 1)) return fail([{ path: '--shift', message: `must be above 0 and at most 1 (a share of the scale; got ${shift})` }]);
  const chosen = selectEngines(engine, sets);
  if (!chosen.ok) return chosen;
  if (chosen.value.length !== 1) return fail([{ path: '--engine', message: 'key-actor analysis runs one engine at a time' }]);
  const run = (sc: Scenario) => pointForecast(runEngines(sc, chosen.value as EngineChoice[])[0]);
  const base = run(s);
  const ranges = s.dimensions.map((d) => d.scale.max - d.scale.min);
  const change = (x: number[]) => Math.max(...x.map((v, k) => Math.abs(v - base[k]) / ranges[k]));
  const moved = (id: string, sign: number) =>
    run(applyChanges(s, s.dimensions.map((d, k): Change => ({ kind: 'set', actor: id, field: 'position', dimension: d.id, op: 'add', value: sign * shift * ranges[k] }))).scenario);
  const actors = s.actors.map((a) => {
    const without = s.actors.length > 2 ? run(applyChanges(s, [{ kind: 'remove', actor: a.id }]).scenario) : null;
    const up = moved(a.id, 1);
    const down = moved(a.id, -1);
    const influence = Math.max(without ? change(without) : 0, change(up), change(down));
    return { actor: a.id, name: a.name, without, up, down, influence };
  });
  actors.sort((x, y) => y.influence - x.influence);
  return ok({ engine: chosen.value[0].engine.name, base, shift, actors });
}
