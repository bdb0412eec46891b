// Editing the native scenario document (the YAML/JSON shape) cell by cell, immutably.
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
  let changes = 0;
  const dropped: string[] = [];
  if (typeof id === 'string' && Array.isArray(next.shocks)) {
    next.shocks = next.shocks.filter((sh: { id?: unknown; title?: unknown; changes?: unknown }) => {
      if (!Array.isArray(sh.changes)) return true;
      const kept = sh.changes.filter((c) => !namesActor(c, id));
      changes += sh.changes.length - kept.length;
      if (kept.length === sh.changes.length) return true;
      if (kept.length === 0) {
        dropped.push(String(sh.title ?? sh.id));
        return false;
      }
      sh.changes = kept;
      return true;
    });
    if (next.shocks.length === 0) delete next.shocks;
  }
  return { doc: next, changes, shocks: dropped };
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
  const source: string | undefined = next.sources?.[0]?.id;
  const item: Record<string, string> = kind === 'quote' ? { ...(source !== undefined ? { source } : {}), quote: '' } : { judgement: '' };
  obj.evidence = [...(Array.isArray(obj.evidence) ? obj.evidence : []), item];
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
  const list: Record<string, unknown>[] = Array.isArray(obj.evidence) ? [...obj.evidence] : [];
  if (!list[k]) return doc;
  const item = { ...list[k] };
  if (raw === '' && (key === 'source' || key === 'supports' || key === 'confidence')) delete item[key];
  else item[key] = raw;
  list[k] = item;
  obj.evidence = list;
  putNode(next, i, field, dim, obj);
  return next;
}

/** A copy without evidence item k of a cell (a cell left with only its value becomes a plain number). */
export function removeEvidence(doc: NativeDoc, i: number, field: Field, dim: string | undefined, k: number): NativeDoc {
  const next = structuredClone(doc);
  const obj = asObject(cellNode(next, i, field, dim));
  const list: unknown[] = Array.isArray(obj.evidence) ? obj.evidence.filter((_, j) => j !== k) : [];
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
