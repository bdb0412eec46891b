import type { Actor, Change, Scenario, UncertainNumber } from '../scenario/types.js';
import { parseFieldPath } from '../scenario/validate.js';

function cloneActor(a: Actor): Actor {
  const num = (u: UncertainNumber): UncertainNumber => ({ ...u, evidence: u.evidence });
  return {
    ...a,
    capability: num(a.capability),
    position: Object.fromEntries(Object.entries(a.position).map(([k, v]) => [k, num(v)])),
    salience: Object.fromEntries(Object.entries(a.salience).map(([k, v]) => [k, num(v)])),
  };
}

/**
 * Applies what-if changes to a scenario without touching the original: set/add/scale an actor's capability,
 * position or salience (a changed number keeps its uncertainty width around the new value), remove an actor,
 * add one. Results are clamped to the valid range (positions to the scale, salience to [0,1], capability > 0),
 * with a warning for each clamp.
 */
export function applyChanges(s: Scenario, changes: readonly Change[]): { scenario: Scenario; warnings: string[] } {
  const warnings: string[] = [];
  let actors = s.actors.map(cloneActor);
  for (const c of changes) {
    if (c.kind === 'remove') {
      actors = actors.filter((a) => a.id !== c.actor);
      continue;
    }
    if (c.kind === 'add') {
      actors.push(cloneActor(c.actor));
      continue;
    }
    const a = actors.find((x) => x.id === c.actor);
    if (!a) {
      warnings.push(`actor "${c.actor}" is not in the scenario (removed earlier?); change skipped`);
      continue;
    }
    const dim = s.dimensions.find((d) => d.id === c.dimension);
    const target = c.field === 'capability' ? a.capability : c.field === 'position' ? a.position[c.dimension!] : a.salience[c.dimension!];
    const old = target.value;
    let v = c.op === 'set' ? c.value : c.op === 'add' ? old + c.value : old * c.value;
    const [lo, hi] = c.field === 'capability' ? [1e-9, Infinity] : c.field === 'salience' ? [0, 1] : [dim!.scale.min, dim!.scale.max];
    if (v < lo || v > hi) {
      const clamped = Math.min(hi, Math.max(lo, v));
      warnings.push(`${a.id}.${c.field}${c.dimension ? '.' + c.dimension : ''}: ${v} clamped to ${clamped}`);
      v = clamped;
    }
    const delta = v - old;
    target.value = v;
    if (target.low !== undefined) target.low = Math.min(hi, Math.max(lo, target.low + delta));
    if (target.high !== undefined) target.high = Math.min(hi, Math.max(lo, target.high + delta));
  }
  return { scenario: { ...s, actors }, warnings };
}

/**
 * Parses a command-line change `ACTOR.FIELD=VALUE` (FIELD: capability, position.DIM, salience.DIM; VALUE may be
 * `+5`/`-5` to add or `*1.2` to scale) against a scenario; returns the change or an error message.
 */
export function parseChangeArg(arg: string, s: Scenario): Change | string {
  const eq = arg.indexOf('=');
  if (eq <= 0) return `expected ACTOR.FIELD=VALUE (got "${arg}")`;
  const lhs = arg.slice(0, eq).trim();
  const rhs = arg.slice(eq + 1).trim();
  const dot = lhs.indexOf('.');
  if (dot <= 0) return `expected ACTOR.FIELD=VALUE (got "${arg}")`;
  const actor = lhs.slice(0, dot);
  if (!s.actors.some((a) => a.id === actor)) return `unknown actor "${actor}"; known: ${s.actors.map((a) => a.id).join(', ')}`;
  const f = parseFieldPath(lhs.slice(dot + 1), s.dimensions);
  if (typeof f === 'string') return f;
  const m = /^([+*]|-(?=\d|\.))?\s*(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)$/i.exec(rhs);
  if (!m) return `"${rhs}" is not a number (use 42 to set, +5 or -5 to add, *1.2 to scale)`;
  const n = Number(m[2]);
  const op = m[1] === '*' ? 'scale' : m[1] === '+' ? 'add' : m[1] === '-' ? 'add' : 'set';
  const value = m[1] === '-' ? -n : n;
  const change: Change = { kind: 'set', actor, field: f.field, op, value };
  if (f.dimension) change.dimension = f.dimension;
  return change;
}
