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
