import type { Actor, Change, Scenario, UncertainNumber } from '../scenario/types.js';
import { MAX_MAGNITUDE, parseFieldPath } from '../scenario/validate.js';

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
    const [lo, hi] = c.field === 'capability' ? [1e-9, MAX_MAGNITUDE] : c.field === 'salience' ? [0, 1] : [dim!.scale.min, dim!.scale.max];
    if (Number.isNaN(v)) {
      warnings.push(`${a.id}.${c.field}${c.dimension ? '.' + c.dimension : ''}: the change gives no number; skipped`);
      continue;
    }
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
 * Parses a command-line change against a scenario: `ACTOR.FIELD=VALUE` sets (negative values allowed),
 * `ACTOR.FIELD+=N` and `ACTOR.FIELD-=N` add or subtract, `ACTOR.FIELD*=F` scales. FIELD: capability,
 * position.DIM or salience.DIM. Returns the change or an error message.
 */
export function parseChangeArg(arg: string, s: Scenario): Change | string {
  const m = /^([^=+*]+?)\s*([+\-*]?)=\s*(.*)$/.exec(arg);
  if (!m) return `expected ACTOR.FIELD=VALUE, ACTOR.FIELD+=N, ACTOR.FIELD-=N or ACTOR.FIELD*=F (got "${arg}")`;
  const [, lhs, opChar, rhs] = m;
  const dot = lhs.indexOf('.');
  if (dot <= 0) return `expected ACTOR.FIELD=VALUE (got "${arg}")`;
  const actor = lhs.slice(0, dot);
  if (!s.actors.some((a) => a.id === actor)) return `unknown actor "${actor}"; known: ${s.actors.map((a) => a.id).join(', ')}`;
  const f = parseFieldPath(lhs.slice(dot + 1), s.dimensions);
  if (typeof f === 'string') return f;
  const n = Number(rhs);
  if (rhs.trim() === '' || !Number.isFinite(n)) return `"${rhs}" is not a number (use =42 to set, +=5 or -=5 to add, *=1.2 to scale)`;
  if (Math.abs(n) > MAX_MAGNITUDE) return `${n} is beyond ±${MAX_MAGNITUDE}`;
  const op = opChar === '*' ? 'scale' : opChar === '' ? 'set' : 'add';
  if (op === 'set') {
    // A value set outright must be valid for its field; relative changes are clamped (with a warning) when applied.
    const dim = s.dimensions.find((d) => d.id === f.dimension);
    if (f.field === 'capability' && !(n > 0)) return `capability ${n} must be above 0`;
    if (f.field === 'salience' && (n < 0 || n > 1)) return `salience ${n} is outside [0, 1]`;
    if (f.field === 'position' && dim && (n < dim.scale.min || n > dim.scale.max)) return `position ${n} is outside the scale [${dim.scale.min}, ${dim.scale.max}]`;
  }
  const change: Change = { kind: 'set', actor, field: f.field, op, value: opChar === '-' ? -n : n };
  if (f.dimension) change.dimension = f.dimension;
  return change;
}
