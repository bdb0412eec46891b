import type { Scenario } from '../scenario/types.js';

/**
 * A scenario compiled for the engines: point values only, in typed arrays, actor-major.
 * `position[i * d + k]` is actor i's position on dimension k (on the dimension's own scale),
 * `salience[i * d + k]` its salience (0–1) there.
 */
export interface Model {
  /** Scenario name. */
  name: string;
  /** Actor display names, in input order. */
  actors: string[];
  /** Actor ids, in input order. */
  actorIds: string[];
  /** Dimension titles. */
  dimensions: string[];
  dimensionIds: string[];
  /** Scale bounds per dimension. */
  min: Float64Array;
  max: Float64Array;
  n: number;
  d: number;
  capability: Float64Array;
  position: Float64Array;
  salience: Float64Array;
  /** Optional row-major N×N accommodation matrix (SMP); identity when absent. */
  accommodation?: Float64Array;
  /** Model parameters carried by the input file (KTAB XML), by KTAB's names. */
  params?: Record<string, string>;
  /** The format the scenario came from (KTAB files keep KTAB's 0–100 conventions). */
  format: Scenario['format'];
}

/** Compiles a validated scenario to the engines' typed-array form, taking each number's point value. */
export function compileModel(s: Scenario): Model {
  const n = s.actors.length;
  const d = s.dimensions.length;
  const capability = new Float64Array(n);
  const position = new Float64Array(n * d);
  const salience = new Float64Array(n * d);
  s.actors.forEach((a, i) => {
    capability[i] = a.capability.value;
    s.dimensions.forEach((dim, k) => {
      position[i * d + k] = a.position[dim.id].value;
      salience[i * d + k] = a.salience[dim.id].value;
    });
  });
  const m: Model = {
    name: s.name,
    actors: s.actors.map((a) => a.name),
    actorIds: s.actors.map((a) => a.id),
    dimensions: s.dimensions.map((x) => x.title),
    dimensionIds: s.dimensions.map((x) => x.id),
    min: Float64Array.from(s.dimensions.map((x) => x.scale.min)),
    max: Float64Array.from(s.dimensions.map((x) => x.scale.max)),
    n,
    d,
    capability,
    position,
    salience,
    format: s.format,
  };
  if (s.smp?.accommodation) m.accommodation = Float64Array.from(s.smp.accommodation.flat());
  if (s.smp?.params) m.params = { ...s.smp.params };
  return m;
}
