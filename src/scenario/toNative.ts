import type { Actor, Change, Scenario, UncertainNumber } from './types.js';

function num(u: UncertainNumber): number | Record<string, unknown> {
  if (u.low === undefined && u.high === undefined && u.sd === undefined && u.evidence.length === 0) return u.value;
  const o: Record<string, unknown> = { value: u.value };
  if (u.low !== undefined) o.low = u.low;
  if (u.high !== undefined) o.high = u.high;
  if (u.sd !== undefined) o.sd = u.sd;
  if (u.evidence.length) o.evidence = u.evidence;
  return o;
}

function actor(a: Actor, dims: string[]): Record<string, unknown> {
  const o: Record<string, unknown> = { id: a.id, name: a.name };
  if (a.description !== undefined) o.description = a.description;
  o.capability = num(a.capability);
  o.position = Object.fromEntries(dims.map((d) => [d, num(a.position[d])]));
  o.salience = Object.fromEntries(dims.map((d) => [d, num(a.salience[d])]));
  return o;
}

function change(c: Change, dims: string[]): Record<string, unknown> {
  if (c.kind === 'remove') return { remove: c.actor };
  if (c.kind === 'add') return { add: actor(c.actor, dims) };
  const key = { set: 'value', add: 'by', scale: 'times' }[c.op];
  return { actor: c.actor, field: c.dimension ? `${c.field}.${c.dimension}` : c.field, [key]: c.value };
}

const ID_RE = /[^A-Za-z0-9_.-]+/g;

/** The scenario as a plain native document (the YAML/JSON input shape), for export and the API. */
export function toNative(s: Scenario): Record<string, unknown> {
  const dims = s.dimensions.map((d) => d.id);
  const o: Record<string, unknown> = { name: s.name.replace(ID_RE, '-').replace(/^[^A-Za-z0-9]+/, '') || 'scenario', title: s.title };
  if (s.description !== undefined) o.description = s.description;
  if (s.date !== undefined) o.date = s.date;
  if (s.sources.length) o.sources = s.sources;
  o.dimensions = s.dimensions.map((d) => {
    const inner = d.scale.points.filter((p) => p.value !== d.scale.min && p.value !== d.scale.max);
    const scale: Record<string, unknown> = { min: d.scale.min, max: d.scale.max, low: d.scale.minLabel, high: d.scale.maxLabel };
    if (inner.length) scale.points = inner;
    if (d.scale.bands.length) scale.bands = d.scale.bands;
    const dim: Record<string, unknown> = { id: d.id, title: d.title };
    if (d.description !== undefined) dim.description = d.description;
    dim.scale = scale;
    return dim;
  });
  o.actors = s.actors.map((a) => actor(a, dims));
  if (s.shocks.length)
    o.shocks = s.shocks.map((sh) => {
      const x: Record<string, unknown> = { id: sh.id, title: sh.title };
      if (sh.description !== undefined) x.description = sh.description;
      if (sh.date !== undefined) x.date = sh.date;
      if (sh.evidence.length) x.evidence = sh.evidence;
      x.changes = sh.changes.map((c) => change(c, dims));
      return x;
    });
  return o;
}
