// Editing the native scenario document (the YAML/JSON shape) cell by cell, immutably.
import { stringify } from 'yaml';
export type NativeDoc = Record<string, any>;
export type Field = 'capability' | 'position' | 'salience';
export type Part = 'value' | 'low' | 'high' | 'sd';

/** The field path of a cell, as the validator reports it: `actors[2].position.presence`. */
export function cellPath(i: number, field: Field, dim?: string): string {
  return field === 'capability' ? `actors[${i}].capability` : `actors[${i}].${field}.${dim}`;
}

/** The raw node of a cell: a number, an object {value, low, high, sd, evidence}, or an invalid entry. */
export function cellNode(doc: NativeDoc, i: number, field: Field, dim?: string): unknown {
  const a = doc.actors?.[i];
  if (!a) return undefined;
  return field === 'capability' ? a.capability : a[field]?.[dim!];
}

/** One part of a cell for display ('' when absent). */
export function cellPart(node: unknown, part: Part): string {
  if (node === undefined || node === null) return '';
  if (typeof node !== 'object') return part === 'value' ? String(node) : '';
  const v = (node as Record<string, unknown>)[part];
  return v === undefined || v === null ? '' : String(v);
}

/** Parses what was typed: a number when it is one, else the text itself (so the validator reports it in place). */
function parseTyped(raw: string): number | string {
  const t = raw.trim();
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : raw;
}

/** A copy of the document with one part of one cell set (an empty low/high/sd removes it). */
export function setCell(doc: NativeDoc, i: number, field: Field, dim: string | undefined, part: Part, raw: string): NativeDoc {
  const next = structuredClone(doc);
  const a = next.actors[i];
  const node = cellNode(next, i, field, dim);
  let obj: Record<string, unknown> = node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : { value: node };
  if (part === 'value') obj.value = parseTyped(raw);
  else if (raw.trim() === '') delete obj[part];
  else obj[part] = parseTyped(raw);
  const plain = Object.keys(obj).length === 1 && 'value' in obj;
  const out = plain ? obj.value : obj;
  if (field === 'capability') a.capability = out;
  else a[field] = { ...a[field], [dim!]: out };
  return next;
}

/** Evidence items of a cell. */
export function cellEvidence(node: unknown): Record<string, string>[] {
  if (node && typeof node === 'object' && Array.isArray((node as { evidence?: unknown }).evidence)) return (node as { evidence: Record<string, string>[] }).evidence;
  return [];
}

/** Fields of an actor edited as text. */
export type ActorText = 'id' | 'name' | 'description';

/** A copy with an actor's id, name or description set (an empty description removes it). */
export function setActorText(doc: NativeDoc, i: number, key: ActorText, raw: string): NativeDoc {
  const next = structuredClone(doc);
  const a = next.actors[i];
  if (key === 'description' && raw.trim() === '') delete a.description;
  else a[key] = raw;
  // Keep the key order of the native form: id, name, description, then the numbers.
  if (key === 'description' && a.description !== undefined) {
    const { id, name, description, ...rest } = a;
    next.actors[i] = { id, name, description, ...rest };
  }
  return next;
}

/** An id not used by any actor: `actor-1`, `actor-2`, … */
function freshActorId(doc: NativeDoc): string {
  const used = new Set((doc.actors ?? []).map((a: { id?: unknown }) => String(a.id)));
  let n = (doc.actors?.length ?? 0) + 1;
  while (used.has(`actor-${n}`)) n++;
  return `actor-${n}`;
}

const plainValue = (node: unknown): number | undefined =>
  typeof node === 'number' ? node : node && typeof node === 'object' && typeof (node as { value?: unknown }).value === 'number' ? (node as { value: number }).value : undefined;

/**
 * A copy with a new actor at the end: a fresh id, a name to replace, the actors' mean capability, the middle of
 * each scale and salience 0.5 — valid as it stands, to be edited.
 */
export function addActor(doc: NativeDoc): NativeDoc {
  const next = structuredClone(doc);
  const actors: unknown[] = next.actors ?? [];
  const caps = actors.map((a) => plainValue((a as { capability?: unknown }).capability)).filter((x): x is number => x !== undefined && x > 0);
  const mean = caps.length ? caps.reduce((t, x) => t + x, 0) / caps.length : 1;
  const capability = mean >= 10 ? Math.round(mean) : Math.round(mean * 100) / 100;
  const dims: { id: string; scale?: { min?: unknown; max?: unknown } }[] = next.dimensions ?? [];
  const mid = (d: (typeof dims)[number]) => {
    const lo = Number(d.scale?.min);
    const hi = Number(d.scale?.max);
    return Number.isFinite(lo) && Number.isFinite(hi) ? Math.round(((lo + hi) / 2) * 100) / 100 : 0;
  };
  const id = freshActorId(next);
  actors.push({
    id,
    name: `New actor ${id.slice(6)}`,
    capability,
    position: Object.fromEntries(dims.map((d) => [d.id, mid(d)])),
    salience: Object.fromEntries(dims.map((d) => [d.id, 0.5])),
  });
  next.actors = actors;
  return next;
}

/** Does a shock change name this actor (as the actor changed or the actor removed)? */
const namesActor = (c: unknown, id: string): boolean =>
  !!c && typeof c === 'object' && ((c as { actor?: unknown }).actor === id || (c as { remove?: unknown }).remove === id);

/** The shocks whose changes name an actor id, with how many of their changes do. */
export function shocksNaming(doc: NativeDoc, id: string): { title: string; changes: number }[] {
  const shocks: { id?: unknown; title?: unknown; changes?: unknown }[] = Array.isArray(doc.shocks) ? doc.shocks : [];
  return shocks
    .map((sh) => ({ title: String(sh.title ?? sh.id ?? ''), changes: Array.isArray(sh.changes) ? sh.changes.filter((c) => namesActor(c, id)).length : 0 }))
    .filter((x) => x.changes > 0);
}

/**
 * A copy without actor i, and without the shock changes that name it (a shock left with no change goes too,
 * as the schema needs at least one); says what else went.
 */
export function removeActor(doc: NativeDoc, i: number): { doc: NativeDoc; changes: number; shocks: string[] } {
  const next = structuredClone(doc);
  const [gone] = next.actors.splice(i, 1);
  const id = gone?.id;
  const { changes, shocks } = typeof id === 'string' ? dropShockChanges(next, (c) => namesActor(c, id)) : { changes: 0, shocks: [] };
  return { doc: next, changes, shocks };
}

/**
 * Removes, in place, the shock changes `drop` matches; a shock left without changes goes too (a shock needs at
 * least one). Returns how many changes went and the titles of the shocks that went.
 */
function dropShockChanges(doc: NativeDoc, drop: (change: unknown) => boolean): { changes: number; shocks: string[] } {
  let changes = 0;
  const shocks: string[] = [];
  if (!Array.isArray(doc.shocks)) return { changes, shocks };
  doc.shocks = doc.shocks.filter((sh: Record<string, any>) => {
    if (!isRecord(sh) || !Array.isArray(sh.changes)) return true;
    const kept = sh.changes.filter((c: unknown) => !drop(c));
    changes += sh.changes.length - kept.length;
    if (kept.length === sh.changes.length) return true;
    if (kept.length === 0) {
      shocks.push(String(sh.title ?? sh.id));
      return false;
    }
    sh.changes = kept;
    return true;
  });
  if (doc.shocks.length === 0) delete doc.shocks;
  return { changes, shocks };
}

/** A copy whose shock changes name actor `to` where they named `from`; with how many changed. */
export function renameActorRefs(doc: NativeDoc, from: string, to: string): { doc: NativeDoc; changes: number } {
  if (from === to || !Array.isArray(doc.shocks)) return { doc, changes: 0 };
  const next = structuredClone(doc);
  let changes = 0;
  for (const sh of next.shocks as { changes?: unknown }[])
    for (const c of Array.isArray(sh.changes) ? (sh.changes as Record<string, unknown>[]) : []) {
      if (c && c.actor === from) (c.actor = to), changes++;
      else if (c && c.remove === from) (c.remove = to), changes++;
    }
  return { doc: changes ? next : doc, changes };
}

/** Is `id` a well-formed actor id that no actor other than actor i uses? */
export function freeActorId(doc: NativeDoc, id: string, i: number): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id) && !(doc.actors ?? []).some((a: { id?: unknown }, j: number) => j !== i && a.id === id);
}

/** Sets a cell's node (a number or an object), collapsing an object that holds only a value to the number. */
function putNode(doc: NativeDoc, i: number, field: Field, dim: string | undefined, obj: Record<string, unknown>): void {
  const plain = Object.keys(obj).length === 1 && 'value' in obj;
  const out = plain ? obj.value : obj;
  const a = doc.actors[i];
  if (field === 'capability') a.capability = out;
  else a[field] = { ...a[field], [dim!]: out };
}

const asObject = (node: unknown): Record<string, unknown> => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : { value: node });

export type EvidenceKind = 'quote' | 'judgement';
export type EvidenceKey = 'source' | 'quote' | 'judgement' | 'supports' | 'confidence';

/** A copy with a new, empty evidence item on a cell: a quote (from the first source) or an analyst judgement. */
export function addEvidence(doc: NativeDoc, i: number, field: Field, dim: string | undefined, kind: EvidenceKind): NativeDoc {
  const next = structuredClone(doc);
  const obj = asObject(cellNode(next, i, field, dim));
  obj.evidence = evidenceAdd(obj.evidence, kind, next.sources?.[0]?.id);
  putNode(next, i, field, dim, obj);
  return next;
}

/**
 * A copy with one field of evidence item k set. An empty source, supports or confidence removes the field; an
 * empty quote or judgement stays (so the validator says what is missing, in place).
 */
export function setEvidence(doc: NativeDoc, i: number, field: Field, dim: string | undefined, k: number, key: EvidenceKey, raw: string): NativeDoc {
  const next = structuredClone(doc);
  const obj = asObject(cellNode(next, i, field, dim));
  if (!Array.isArray(obj.evidence) || !obj.evidence[k]) return doc;
  obj.evidence = evidenceSet(obj.evidence, k, key, raw);
  putNode(next, i, field, dim, obj);
  return next;
}

/** A copy without evidence item k of a cell (a cell left with only its value becomes a plain number). */
export function removeEvidence(doc: NativeDoc, i: number, field: Field, dim: string | undefined, k: number): NativeDoc {
  const next = structuredClone(doc);
  const obj = asObject(cellNode(next, i, field, dim));
  const list = evidenceRemove(obj.evidence, k);
  if (list.length) obj.evidence = list;
  else delete obj.evidence;
  putNode(next, i, field, dim, obj);
  return next;
}

/** Issues about actor i that belong to no number cell (its id, name, description, missing or unknown fields). */
export function actorRowIssues<T extends { path?: string }>(issues: T[], i: number, dims: string[]): T[] {
  const pre = `actors[${i}]`;
  const cells = [`${pre}.capability`, ...dims.flatMap((d) => [`${pre}.position.${d}`, `${pre}.salience.${d}`])];
  return issues.filter((x) => {
    const p = x.path ?? '';
    if (!(p === pre || p.startsWith(pre + '.') || p.startsWith(pre + '['))) return false;
    return !cells.some((c) => p === c || p.startsWith(c + '.'));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Evidence lists (of a shock, or any list), shocks and their changes, dimensions, sources; export as YAML/JSON.

const isRecord = (x: unknown): x is Record<string, any> => x !== null && typeof x === 'object' && !Array.isArray(x);

/** The object with its keys in the given order first (the native form's order), the rest after. */
function ordered(obj: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in obj) out[k] = obj[k];
  for (const k of Object.keys(obj)) if (!(k in out)) out[k] = obj[k];
  return out;
}

/** A copy of an evidence list with a new, empty quote (from `source` when there is one) or judgement. */
export function evidenceAdd(list: unknown, kind: EvidenceKind, source?: string): Record<string, string>[] {
  const items = Array.isArray(list) ? [...list] : [];
  items.push(kind === 'quote' ? { ...(source !== undefined ? { source } : {}), quote: '' } : { judgement: '' });
  return items;
}

/** A copy of an evidence list with one field of item k set (empty source, supports, confidence remove it). */
export function evidenceSet(list: unknown, k: number, key: EvidenceKey, raw: string): Record<string, string>[] {
  const items = Array.isArray(list) ? [...list] : [];
  if (!isRecord(items[k])) return items;
  const item = { ...items[k] };
  if (raw === '' && (key === 'source' || key === 'supports' || key === 'confidence')) delete item[key];
  else item[key] = raw;
  items[k] = item;
  return items;
}

/** A copy of an evidence list without item k. */
export const evidenceRemove = (list: unknown, k: number): unknown[] => (Array.isArray(list) ? list.filter((_, j) => j !== k) : []);

const usedIds = (list: unknown): Set<string> => new Set((Array.isArray(list) ? list : []).map((x) => String(isRecord(x) ? x.id : '')));

/** `prefix-N` not used in the list, N from its length + 1. */
function freshId(list: unknown, prefix: string): string {
  const used = usedIds(list);
  let n = (Array.isArray(list) ? list.length : 0) + 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** Is `id` well formed and unused by the other items of the list (item `self` excepted)? */
export function freeId(list: unknown, id: string, self: number): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id) && !(Array.isArray(list) ? list : []).some((x, j) => j !== self && isRecord(x) && x.id === id);
}

// Shocks -----------------------------------------------------------------------------------------------------------

const SHOCK_KEYS = ['id', 'title', 'description', 'date', 'evidence', 'changes'] as const;

/**
 * A copy with a new shock at the end: a fresh id, a title to replace, and one change that does nothing yet (the
 * first actor's capability times 1), so it is valid as it stands.
 */
export function addShock(doc: NativeDoc): NativeDoc {
  const next = structuredClone(doc);
  const shocks: unknown[] = Array.isArray(next.shocks) ? next.shocks : [];
  const id = freshId(shocks, 'shock');
  const actor = String(next.actors?.[0]?.id ?? '');
  shocks.push({ id, title: `New shock ${id.slice(6)}`, changes: [{ actor, field: 'capability', times: 1 }] });
  next.shocks = shocks;
  return next;
}

/** A copy without shock s (and without `shocks` when none is left). */
export function removeShock(doc: NativeDoc, s: number): NativeDoc {
  const next = structuredClone(doc);
  if (!Array.isArray(next.shocks)) return next;
  next.shocks.splice(s, 1);
  if (next.shocks.length === 0) delete next.shocks;
  return next;
}

export type ShockText = 'id' | 'title' | 'date' | 'description';

/** A copy with a shock's id, title, date or description set (an empty date or description removes it). */
export function setShockText(doc: NativeDoc, s: number, key: ShockText, raw: string): NativeDoc {
  const next = structuredClone(doc);
  const sh = next.shocks?.[s];
  if (!isRecord(sh)) return doc;
  if ((key === 'date' || key === 'description') && raw.trim() === '') delete sh[key];
  else sh[key] = raw;
  next.shocks[s] = ordered(sh, SHOCK_KEYS);
  return next;
}

/** A copy with a shock's evidence list replaced (an empty list removes the field). */
export function setShockEvidence(doc: NativeDoc, s: number, list: unknown[]): NativeDoc {
  const next = structuredClone(doc);
  const sh = next.shocks?.[s];
  if (!isRecord(sh)) return doc;
  if (list.length) sh.evidence = list;
  else delete sh.evidence;
  next.shocks[s] = ordered(sh, SHOCK_KEYS);
  return next;
}

export type ChangeOp = 'value' | 'by' | 'times';

/**
 * A shock change as the editor shows it: an actor's field set, shifted or scaled; an actor removed; or another
 * kind (an actor added), shown but not edited.
 */
export type ChangeForm =
  | { kind: 'field'; actor: string; field: string; op: ChangeOp; amount: string }
  | { kind: 'remove'; actor: string }
  | { kind: 'other' };

/** Reads a native change into the editor's form. */
export function changeForm(c: unknown): ChangeForm {
  if (!isRecord(c)) return { kind: 'other' };
  if ('remove' in c) return { kind: 'remove', actor: String(c.remove ?? '') };
  if (!('actor' in c)) return { kind: 'other' };
  const op: ChangeOp = (['value', 'by', 'times'] as const).find((k) => c[k] !== undefined) ?? 'value';
  return { kind: 'field', actor: String(c.actor ?? ''), field: String(c.field ?? ''), op, amount: c[op] === undefined ? '' : String(c[op]) };
}

/** Writes the editor's form back as a native change (a number when the amount is one, else the text, for the validator). */
export function formChange(f: ChangeForm, old?: unknown): unknown {
  if (f.kind === 'remove') return { remove: f.actor };
  if (f.kind === 'field') return { actor: f.actor, field: f.field, [f.op]: parseTyped(f.amount) };
  return old;
}

/** A copy with change j of shock s replaced by the form's content. */
export function setChange(doc: NativeDoc, s: number, j: number, f: ChangeForm): NativeDoc {
  const next = structuredClone(doc);
  const list = next.shocks?.[s]?.changes;
  if (!Array.isArray(list) || j >= list.length) return doc;
  list[j] = formChange(f, list[j]);
  return next;
}

/** A copy with a new change on shock s: the first actor's capability, times 1 (no effect until edited). */
export function addChange(doc: NativeDoc, s: number): NativeDoc {
  const next = structuredClone(doc);
  const sh = next.shocks?.[s];
  if (!isRecord(sh)) return doc;
  sh.changes = [...(Array.isArray(sh.changes) ? sh.changes : []), { actor: String(next.actors?.[0]?.id ?? ''), field: 'capability', times: 1 }];
  return next;
}

/** A copy without change j of shock s (a shock left with none is reported by the validator, in place). */
export function removeChange(doc: NativeDoc, s: number, j: number): NativeDoc {
  const next = structuredClone(doc);
  const sh = next.shocks?.[s];
  if (!isRecord(sh) || !Array.isArray(sh.changes)) return doc;
  sh.changes = sh.changes.filter((_: unknown, k: number) => k !== j);
  return next;
}

/** The fields a change can name: capability, and position.DIM and salience.DIM per dimension. */
export function changeFields(doc: NativeDoc): string[] {
  const dims: string[] = (Array.isArray(doc.dimensions) ? doc.dimensions : []).map((d: { id?: unknown }) => String(d.id));
  return ['capability', ...dims.map((d) => `position.${d}`), ...dims.map((d) => `salience.${d}`)];
}

// Dimensions -------------------------------------------------------------------------------------------------------

const DIM_KEYS = ['id', 'title', 'description', 'scale'] as const;
const SCALE_KEYS = ['min', 'max', 'low', 'high', 'points', 'bands'] as const;

const midOf = (d: unknown): number => {
  const lo = Number(isRecord(d) && isRecord(d.scale) ? d.scale.min : NaN);
  const hi = Number(isRecord(d) && isRecord(d.scale) ? d.scale.max : NaN);
  return Number.isFinite(lo) && Number.isFinite(hi) ? Math.round(((lo + hi) / 2) * 100) / 100 : 50;
};

/** Every actor of the document: the actors, and those a shock adds. */
function allActors(doc: NativeDoc): Record<string, any>[] {
  const out: Record<string, any>[] = (Array.isArray(doc.actors) ? doc.actors : []).filter(isRecord);
  for (const sh of Array.isArray(doc.shocks) ? doc.shocks : [])
    for (const c of isRecord(sh) && Array.isArray(sh.changes) ? sh.changes : []) if (isRecord(c) && isRecord(c.add)) out.push(c.add);
  return out;
}

/** Every field change of every shock. */
function allFieldChanges(doc: NativeDoc): Record<string, any>[] {
  const out: Record<string, any>[] = [];
  for (const sh of Array.isArray(doc.shocks) ? doc.shocks : [])
    for (const c of isRecord(sh) && Array.isArray(sh.changes) ? sh.changes : []) if (isRecord(c) && typeof c.field === 'string') out.push(c);
  return out;
}

/**
 * A copy with a new dimension at the end (scale 0–100 with words to replace); every actor (those shocks add
 * too) gets the middle of the scale and salience 0.5. Shock changes naming a bare `position` or `salience` — which
 * meant the only dimension — are qualified with it, as they would be ambiguous now.
 */
export function addDimension(doc: NativeDoc): NativeDoc {
  const next = structuredClone(doc);
  const dims: Record<string, any>[] = Array.isArray(next.dimensions) ? next.dimensions : [];
  if (dims.length === 1 && typeof dims[0].id === 'string')
    for (const c of allFieldChanges(next)) if (c.field === 'position' || c.field === 'salience') c.field = `${c.field}.${dims[0].id}`;
  const id = freshId(dims, 'issue');
  const dim = { id, title: `New issue ${id.slice(6)}`, scale: { min: 0, max: 100, low: 'low end (say what it means)', high: 'high end (say what it means)' } };
  dims.push(dim);
  next.dimensions = dims;
  for (const a of allActors(next)) {
    a.position = { ...(isRecord(a.position) ? a.position : {}), [id]: midOf(dim) };
    a.salience = { ...(isRecord(a.salience) ? a.salience : {}), [id]: 0.5 };
  }
  return next;
}

/**
 * A copy without dimension k: its positions and saliences go from every actor, and the shock changes that name
 * it (a shock left with no change goes too). Says how many changes and which shocks went.
 */
export function removeDimension(doc: NativeDoc, k: number): { doc: NativeDoc; changes: number; shocks: string[] } {
  const next = structuredClone(doc);
  const dims: Record<string, any>[] = Array.isArray(next.dimensions) ? next.dimensions : [];
  const [gone] = dims.splice(k, 1);
  const id = String(gone?.id ?? '');
  for (const a of allActors(next)) {
    if (isRecord(a.position)) delete a.position[id];
    if (isRecord(a.salience)) delete a.salience[id];
  }
  const { changes, shocks } = dropShockChanges(next, (c) => isRecord(c) && (c.field === `position.${id}` || c.field === `salience.${id}`));
  return { doc: next, changes, shocks };
}

/**
 * A copy whose dimension k has the id `to`, carried over to every actor's position and salience and to the shock
 * changes that name it. Unchanged (and `false`) when `to` is malformed or another dimension has it.
 */
export function renameDimension(doc: NativeDoc, k: number, to: string): { doc: NativeDoc; ok: boolean } {
  const dims = Array.isArray(doc.dimensions) ? doc.dimensions : [];
  const from = dims[k]?.id;
  if (typeof from !== 'string' || !freeId(dims, to, k)) return { doc, ok: false };
  if (from === to) return { doc, ok: true };
  const next = structuredClone(doc);
  next.dimensions[k].id = to;
  const rekey = (m: unknown) => (isRecord(m) ? Object.fromEntries(Object.entries(m).map(([key, v]) => [key === from ? to : key, v])) : m);
  for (const a of allActors(next)) {
    a.position = rekey(a.position);
    a.salience = rekey(a.salience);
  }
  for (const c of allFieldChanges(next)) if (c.field === `position.${from}` || c.field === `salience.${from}`) c.field = `${c.field.split('.')[0]}.${to}`;
  return { doc: next, ok: true };
}

export type DimText = 'title' | 'description';
export type ScaleKey = 'min' | 'max' | 'low' | 'high';

/** A copy with a dimension's title or description set (an empty description removes it). */
export function setDimText(doc: NativeDoc, k: number, key: DimText, raw: string): NativeDoc {
  const next = structuredClone(doc);
  const d = next.dimensions?.[k];
  if (!isRecord(d)) return doc;
  if (key === 'description' && raw.trim() === '') delete d.description;
  else d[key] = raw;
  next.dimensions[k] = ordered(d, DIM_KEYS);
  return next;
}

/** A copy with one end of a dimension's scale set: min and max as numbers (text stays, for the validator), low and high words. */
export function setScale(doc: NativeDoc, k: number, key: ScaleKey, raw: string): NativeDoc {
  const next = structuredClone(doc);
  const d = next.dimensions?.[k];
  if (!isRecord(d)) return doc;
  const scale = isRecord(d.scale) ? d.scale : {};
  scale[key] = key === 'min' || key === 'max' ? parseTyped(raw) : raw;
  d.scale = ordered(scale, SCALE_KEYS);
  return next;
}

export type ScaleList = 'points' | 'bands';

/** A copy with a new labelled point (at the middle) or band (the middle third, with a fresh id) on a dimension's scale. */
export function addScaleItem(doc: NativeDoc, k: number, list: ScaleList): NativeDoc {
  const next = structuredClone(doc);
  const d = next.dimensions?.[k];
  if (!isRecord(d)) return doc;
  const scale = isRecord(d.scale) ? d.scale : {};
  const items: unknown[] = Array.isArray(scale[list]) ? scale[list] : [];
  const lo = Number(scale.min);
  const hi = Number(scale.max);
  const ok = Number.isFinite(lo) && Number.isFinite(hi);
  const r = (x: number) => Math.round(x * 100) / 100;
  if (list === 'points') items.push({ value: ok ? r((lo + hi) / 2) : 50, label: 'label' });
  else items.push({ id: freshId(items, 'band'), label: 'label', from: ok ? r(lo + (hi - lo) / 3) : 33, to: ok ? r(lo + (2 * (hi - lo)) / 3) : 67 });
  scale[list] = items;
  d.scale = ordered(scale, SCALE_KEYS);
  return next;
}

/** A copy with one field of point or band j set (value, from, to as numbers; id and label as text). */
export function setScaleItem(doc: NativeDoc, k: number, list: ScaleList, j: number, key: 'value' | 'label' | 'id' | 'from' | 'to', raw: string): NativeDoc {
  const next = structuredClone(doc);
  const item = next.dimensions?.[k]?.scale?.[list]?.[j];
  if (!isRecord(item)) return doc;
  item[key] = key === 'label' || key === 'id' ? raw : parseTyped(raw);
  return next;
}

/** A copy without point or band j (and without the list when it is empty). */
export function removeScaleItem(doc: NativeDoc, k: number, list: ScaleList, j: number): NativeDoc {
  const next = structuredClone(doc);
  const scale = next.dimensions?.[k]?.scale;
  if (!isRecord(scale) || !Array.isArray(scale[list])) return doc;
  scale[list] = scale[list].filter((_: unknown, i: number) => i !== j);
  if (scale[list].length === 0) delete scale[list];
  return next;
}

// Sources ----------------------------------------------------------------------------------------------------------

export type SourceKey = 'id' | 'title' | 'author' | 'publisher' | 'date' | 'url' | 'file';
const SOURCE_KEYS: readonly SourceKey[] = ['id', 'title', 'author', 'publisher', 'date', 'url', 'file'];

/** A copy with a new source at the end: a fresh id and a title to replace. */
export function addSource(doc: NativeDoc): NativeDoc {
  const next = structuredClone(doc);
  const sources: unknown[] = Array.isArray(next.sources) ? next.sources : [];
  const id = freshId(sources, 'source');
  sources.push({ id, title: `New source ${id.slice(7)}` });
  next.sources = sources;
  return ordered(next, ['$schema', 'name', 'title', 'description', 'date', 'sources', 'dimensions', 'actors', 'shocks']);
}

/** A copy with one field of source j set (an empty author, publisher, date, url or file removes it). */
export function setSource(doc: NativeDoc, j: number, key: SourceKey, raw: string): NativeDoc {
  const next = structuredClone(doc);
  const src = next.sources?.[j];
  if (!isRecord(src)) return doc;
  if (key !== 'id' && key !== 'title' && raw.trim() === '') delete src[key];
  else src[key] = raw;
  next.sources[j] = ordered(src, SOURCE_KEYS);
  return next;
}

/** Every evidence list of the document (actors' numbers, actors that shocks add, shocks). */
function allEvidence(doc: NativeDoc): Record<string, any>[][] {
  const out: Record<string, any>[][] = [];
  const ofNode = (n: unknown) => isRecord(n) && Array.isArray(n.evidence) && out.push(n.evidence);
  for (const a of allActors(doc)) {
    ofNode(a.capability);
    for (const m of [a.position, a.salience]) if (isRecord(m)) Object.values(m).forEach(ofNode);
  }
  for (const sh of Array.isArray(doc.shocks) ? doc.shocks : []) if (isRecord(sh) && Array.isArray(sh.evidence)) out.push(sh.evidence);
  return out;
}

/** How many evidence items cite source `id`. */
export function citations(doc: NativeDoc, id: string): number {
  return allEvidence(doc).reduce((t, list) => t + list.filter((e) => isRecord(e) && e.source === id).length, 0);
}

/** A copy whose evidence items cite source `to` where they cited `from`; with how many changed. */
export function renameSourceRefs(doc: NativeDoc, from: string, to: string): { doc: NativeDoc; items: number } {
  if (from === to) return { doc, items: 0 };
  const next = structuredClone(doc);
  let items = 0;
  for (const list of allEvidence(next)) for (const e of list) if (isRecord(e) && e.source === from) (e.source = to), items++;
  return { doc: items ? next : doc, items };
}

/** A copy without source j (and without `sources` when none is left); the quotes citing it are left for the validator to flag. */
export function removeSource(doc: NativeDoc, j: number): NativeDoc {
  const next = structuredClone(doc);
  if (!Array.isArray(next.sources)) return doc;
  next.sources.splice(j, 1);
  if (next.sources.length === 0) delete next.sources;
  return next;
}

// Export -----------------------------------------------------------------------------------------------------------

/** The file name for a download: the scenario's name (made safe), with the extension. */
export function downloadName(doc: NativeDoc, ext: string): string {
  const base = String(doc.name ?? '').replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[-.]+/, '') || 'scenario';
  return `${base}.${ext}`;
}

/** The document as pretty JSON (what `fulcrum export --format json` writes). */
export const toJson = (doc: NativeDoc): string => JSON.stringify(doc, null, 2) + '\n';

/**
 * The document as YAML, as `fulcrum export --format yaml` writes it (no line folding), after a comment line;
 * `fulcrum run FILE` loads it back.
 */
export const toYaml = (doc: NativeDoc): string => `# ${String(doc.title ?? doc.name ?? 'scenario').replace(/\s+/g, ' ')} — exported from the Fulcrum workbench\n` + stringify(doc, { lineWidth: 0 });
