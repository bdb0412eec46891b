import type { ActorInput, ScenarioInput, UncertainInput } from './schema.js';
import type { Actor, ActorField, Change, Dimension, Evidence, Scenario, ScenarioFormat, Shock, UncertainNumber } from './types.js';

/** A semantic problem at a path in the input document (before file/line are attached). */
export interface PathIssue {
  path: (string | number)[];
  message: string;
}

type Path = (string | number)[];

function toUncertain(v: UncertainInput): UncertainNumber {
  if (typeof v === 'number') return { value: v, evidence: [] };
  const out: UncertainNumber = { value: v.value, evidence: (v.evidence ?? []) as Evidence[] };
  if (v.low !== undefined) out.low = v.low;
  if (v.high !== undefined) out.high = v.high;
  if (v.sd !== undefined) out.sd = v.sd;
  return out;
}

/** Largest magnitude accepted for capabilities and scale ends: beyond it, weights and sums overflow doubles. */
export const MAX_MAGNITUDE = 1e12;

/** Checks a number and its uncertainty against [lo, hi] (with `openLo`, (lo, hi]: "above lo"). */
function checkRange(u: UncertainNumber, path: Path, issues: PathIssue[], lo: number, hi: number, what: string, openLo = false): void {
  const bad = (x: number) => (openLo ? x <= lo : x < lo) || x > hi;
  const range = openLo ? `must be above ${lo} and at most ${hi}` : `is outside [${lo}, ${hi}]`;
  const say = (name: string, x: number) => `${name} ${x} ${range}`;
  if (bad(u.value)) issues.push({ path, message: say(what, u.value) });
  if (u.low !== undefined && bad(u.low)) issues.push({ path: [...path, 'low'], message: say('low', u.low) });
  if (u.high !== undefined && bad(u.high)) issues.push({ path: [...path, 'high'], message: say('high', u.high) });
  if (u.low !== undefined && u.low > u.value) issues.push({ path: [...path, 'low'], message: `low ${u.low} is above the value ${u.value}` });
  if (u.high !== undefined && u.high < u.value) issues.push({ path: [...path, 'high'], message: `high ${u.high} is below the value ${u.value}` });
  if (u.sd !== undefined && u.sd < 0) issues.push({ path: [...path, 'sd'], message: `sd ${u.sd} must not be negative` });
  if (u.sd !== undefined && (u.low !== undefined || u.high !== undefined))
    issues.push({ path, message: 'give either low/high or sd, not both' });
}

function checkEvidence(ev: Evidence[], path: Path, sourceIds: Set<string>, issues: PathIssue[]): void {
  ev.forEach((e, i) => {
    const p = [...path, 'evidence', i];
    if (e.quote === undefined && e.judgement === undefined)
      issues.push({ path: p, message: 'evidence needs a quote (with its source) or an analyst judgement' });
    if (e.quote !== undefined && e.source === undefined) issues.push({ path: [...p, 'source'], message: 'a quote needs the id of its source' });
    if (e.source !== undefined && !sourceIds.has(e.source))
      issues.push({ path: [...p, 'source'], message: `unknown source "${e.source}"; known: ${[...sourceIds].join(', ') || '(none)'}` });
  });
}

function buildActor(a: ActorInput, path: Path, dims: Dimension[], sourceIds: Set<string>, issues: PathIssue[]): Actor {
  const dimIds = new Set(dims.map((d) => d.id));
  const capability = toUncertain(a.capability);
  checkRange(capability, [...path, 'capability'], issues, 0, MAX_MAGNITUDE, 'capability', true);
  checkEvidence(capability.evidence, [...path, 'capability'], sourceIds, issues);
  const position: Record<string, UncertainNumber> = {};
  const salience: Record<string, UncertainNumber> = {};
  for (const field of ['position', 'salience'] as const) {
    for (const key of Object.keys(a[field])) {
      if (!dimIds.has(key))
        issues.push({ path: [...path, field, key], message: `unknown dimension id "${key}"; known: ${[...dimIds].join(', ')}` });
    }
  }
  for (const dim of dims) {
    const pIn = a.position[dim.id];
    const sIn = a.salience[dim.id];
    if (pIn === undefined) issues.push({ path: [...path, 'position'], message: `missing position on dimension "${dim.id}"` });
    else {
      const p = toUncertain(pIn);
      checkRange(p, [...path, 'position', dim.id], issues, dim.scale.min, dim.scale.max, 'position');
      checkEvidence(p.evidence, [...path, 'position', dim.id], sourceIds, issues);
      position[dim.id] = p;
    }
    if (sIn === undefined) issues.push({ path: [...path, 'salience'], message: `missing salience on dimension "${dim.id}"` });
    else {
      const s = toUncertain(sIn);
      checkRange(s, [...path, 'salience', dim.id], issues, 0, 1, 'salience');
      checkEvidence(s.evidence, [...path, 'salience', dim.id], sourceIds, issues);
      salience[dim.id] = s;
    }
  }
  const actor: Actor = { id: a.id, name: a.name, capability, position, salience };
  if (a.description !== undefined) actor.description = a.description;
  return actor;
}

const FIELD_RE = /^(capability|position|salience)(?:\.(.+))?$/;

/**
 * Parses a change target such as `capability`, `position.presence` or `salience.presence`
 * against the scenario's dimensions; returns an error message when it names no field.
 */
export function parseFieldPath(field: string, dims: readonly { id: string }[]): { field: ActorField; dimension?: string } | string {
  const m = FIELD_RE.exec(field);
  if (!m) return `unknown field "${field}"; use capability, position.DIMENSION or salience.DIMENSION`;
  const f = m[1] as ActorField;
  if (f === 'capability') return m[2] ? `capability has no dimension (got "${field}")` : { field: f };
  const dim = m[2] ?? (dims.length === 1 ? dims[0].id : undefined);
  if (dim === undefined) return `"${field}" needs a dimension: ${f}.DIMENSION, one of ${dims.map((d) => d.id).join(', ')}`;
  if (!dims.some((d) => d.id === dim)) return `unknown dimension "${dim}" in "${field}"; known: ${dims.map((d) => d.id).join(', ')}`;
  return { field: f, dimension: dim };
}

/** Semantic validation of a schema-valid native document, building the typed Scenario (errors as data). */
export function buildScenario(input: ScenarioInput, format: ScenarioFormat): { scenario?: Scenario; issues: PathIssue[] } {
  const issues: PathIssue[] = [];
  const sources = input.sources ?? [];
  const sourceIds = new Set<string>();
  sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) issues.push({ path: ['sources', i, 'id'], message: `duplicate source id "${s.id}"` });
    sourceIds.add(s.id);
  });
  const dims: Dimension[] = [];
  const dimIds = new Set<string>();
  input.dimensions.forEach((d, i) => {
    const p = ['dimensions', i];
    if (dimIds.has(d.id)) issues.push({ path: [...p, 'id'], message: `duplicate dimension id "${d.id}"` });
    dimIds.add(d.id);
    if (!(d.scale.min < d.scale.max)) issues.push({ path: [...p, 'scale'], message: `scale min ${d.scale.min} must be below max ${d.scale.max}` });
    else if (Math.abs(d.scale.min) > MAX_MAGNITUDE || Math.abs(d.scale.max) > MAX_MAGNITUDE)
      issues.push({ path: [...p, 'scale'], message: `scale ends must lie within ±${MAX_MAGNITUDE} (got ${d.scale.min} to ${d.scale.max})` });
    const pts = [...(d.scale.points ?? [])];
    pts.forEach((pt, j) => {
      if (pt.value < d.scale.min || pt.value > d.scale.max)
        issues.push({ path: [...p, 'scale', 'points', j, 'value'], message: `point ${pt.value} is outside the scale [${d.scale.min}, ${d.scale.max}]` });
    });
    (d.scale.bands ?? []).forEach((b, j) => {
      if (!(b.from < b.to) || b.from < d.scale.min || b.to > d.scale.max)
        issues.push({ path: [...p, 'scale', 'bands', j], message: `band [${b.from}, ${b.to}] must be a non-empty interval inside the scale` });
    });
    if (!pts.some((x) => x.value === d.scale.min)) pts.push({ value: d.scale.min, label: d.scale.low });
    if (!pts.some((x) => x.value === d.scale.max)) pts.push({ value: d.scale.max, label: d.scale.high });
    pts.sort((a, b) => a.value - b.value);
    const dim: Dimension = {
      id: d.id,
      title: d.title,
      scale: { min: d.scale.min, max: d.scale.max, minLabel: d.scale.low, maxLabel: d.scale.high, points: pts, bands: d.scale.bands ?? [] },
    };
    if (d.description !== undefined) dim.description = d.description;
    dims.push(dim);
  });
  const actors: Actor[] = [];
  const actorIds = new Set<string>();
  input.actors.forEach((a, i) => {
    if (actorIds.has(a.id)) issues.push({ path: ['actors', i, 'id'], message: `duplicate actor id "${a.id}"` });
    actorIds.add(a.id);
    actors.push(buildActor(a, ['actors', i], dims, sourceIds, issues));
  });
  if (input.actors.length < 2) issues.push({ path: ['actors'], message: `needs at least two actors (found ${input.actors.length})` });
  const shocks: Shock[] = [];
  const shockIds = new Set<string>();
  (input.shocks ?? []).forEach((s, i) => {
    const p = ['shocks', i];
    if (shockIds.has(s.id)) issues.push({ path: [...p, 'id'], message: `duplicate shock id "${s.id}"` });
    shockIds.add(s.id);
    const ev = (s.evidence ?? []) as Evidence[];
    checkEvidence(ev, p, sourceIds, issues);
    const known = new Set(actorIds);
    const changes: Change[] = [];
    s.changes.forEach((c, j) => {
      const cp = [...p, 'changes', j];
      if ('remove' in c) {
        if (!known.has(c.remove)) issues.push({ path: [...cp, 'remove'], message: `unknown actor "${c.remove}"` });
        changes.push({ kind: 'remove', actor: c.remove });
      } else if ('add' in c && typeof c.add === 'object') {
        if (known.has(c.add.id)) issues.push({ path: [...cp, 'add', 'id'], message: `actor "${c.add.id}" already exists` });
        known.add(c.add.id);
        changes.push({ kind: 'add', actor: buildActor(c.add, [...cp, 'add'], dims, sourceIds, issues) });
      } else if ('actor' in c) {
        if (!known.has(c.actor)) issues.push({ path: [...cp, 'actor'], message: `unknown actor "${c.actor}"` });
        const ops = (['value', 'by', 'times'] as const).filter((k) => c[k] !== undefined);
        if (ops.length !== 1) issues.push({ path: cp, message: 'give exactly one of value, by or times' });
        const f = parseFieldPath(c.field, dims);
        if (typeof f === 'string') issues.push({ path: [...cp, 'field'], message: f });
        else if (ops.length === 1) {
          const op = ({ value: 'set', by: 'add', times: 'scale' } as const)[ops[0]];
          const amount = c[ops[0]] as number;
          const dim = dims.find((d) => d.id === f.dimension);
          if (Math.abs(amount) > MAX_MAGNITUDE) issues.push({ path: [...cp, ops[0]], message: `${amount} is beyond ±${MAX_MAGNITUDE}` });
          else if (op === 'set') {
            const [lo, hi, what] =
              f.field === 'capability' ? [0, MAX_MAGNITUDE, 'capability'] : f.field === 'salience' ? [0, 1, 'salience'] : [dim!.scale.min, dim!.scale.max, 'position'];
            const bad = f.field === 'capability' ? amount <= 0 || amount > hi : amount < lo || amount > hi;
            if (bad) issues.push({ path: [...cp, 'value'], message: f.field === 'capability' ? `capability ${amount} must be above 0 and at most ${hi}` : `${what} ${amount} is outside [${lo}, ${hi}]` });
          } else if (op === 'scale' && f.field === 'capability' && amount <= 0)
            issues.push({ path: [...cp, 'times'], message: `capability times ${amount} would not be above 0` });
          const change: Change = { kind: 'set', actor: c.actor, field: f.field, op, value: c[ops[0]] as number };
          if (f.dimension) change.dimension = f.dimension;
          changes.push(change);
        }
      }
    });
    const removed = new Set(changes.flatMap((c) => (c.kind === 'remove' ? [c.actor] : [])));
    const added = changes.filter((c) => c.kind === 'add').length;
    if (input.actors.length - removed.size + added < 2)
      issues.push({ path: [...p, 'changes'], message: `this shock would leave fewer than two actors (${input.actors.length - removed.size + added})` });
    const shock: Shock = { id: s.id, title: s.title, evidence: ev, changes };
    if (s.description !== undefined) shock.description = s.description;
    if (s.date !== undefined) shock.date = s.date;
    shocks.push(shock);
  });
  if (issues.length) return { issues };
  const scenario: Scenario = { name: input.name, title: input.title, sources: sources.map((s) => ({ ...s })), dimensions: dims, actors, shocks, format };
  if (input.description !== undefined) scenario.description = input.description;
  if (input.date !== undefined) scenario.date = input.date;
  return { scenario, issues };
}
