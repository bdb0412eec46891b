import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { scenarioSchema } from '../schema.js';
import { buildScenario } from '../validate.js';
import type { Scenario } from '../types.js';
import { fail, formatPath, type Issue, type Result } from '../issues.js';

type Path = (string | number)[];

/** Finds the deepest node on `path` that exists and returns its 1-based start line. */
function lineOf(doc: Document, lc: LineCounter, path: Path): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined;
  const at = (n: unknown) => {
    const r = (n as Node | undefined)?.range;
    if (r) line = lc.linePos(r[0]).line;
  };
  at(node);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(key));
      if (!pair) break;
      // Prefer the value's line; fall back to the key's (e.g. `key:` with a null value).
      at(pair.key);
      node = pair.value;
      at(node);
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (node === undefined) break;
      at(node);
    } else break;
  }
  return line;
}

/** The value at a path in plain data, or undefined. */
function valueAt(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** Plain-language rendering of one zod issue, flattening unions to their most specific branch. */
function zodMessages(issue: z.core.$ZodIssue, path: Path, data: unknown): { path: Path; message: string }[] {
  const input = valueAt(data, path);
  if (typeof input === 'number' && !Number.isFinite(input)) return [{ path, message: `must be a finite number, not ${input}` }];
  if (issue.code === 'invalid_union') {
    // Choose the branch whose problems lie deepest (the one the author evidently meant).
    const branches = issue.errors.filter((b) => b.length > 0);
    const depth = (b: z.core.$ZodIssue[]) => Math.max(...b.map((x) => x.path.length));
    const allShallow = branches.every((b) => depth(b) === 0 && b.every((x) => x.code === 'invalid_type'));
    if (allShallow) return [{ path, message: 'must be a number, or an object {value, low, high, sd, evidence}' + (branches.length > 2 ? ' (or, for a change: {actor, field, value|by|times}, {remove}, {add})' : '') }];
    const best = branches.reduce((a, b) => (depth(b) > depth(a) ? b : a));
    return best.flatMap((x) => zodMessages(x, [...path, ...(x.path as Path)], data));
  }
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => ({ path: [...path, k], message: `unknown field "${k}"` }));
  if (issue.code === 'invalid_type' && input === undefined)
    return [{ path, message: `required field is missing (expected ${issue.expected})` }];
  return [{ path, message: issue.message }];
}

/**
 * Parses a native scenario (YAML or JSON text) and validates it with the one schema;
 * every problem comes back as an issue with file, line and field.
 */
export function parseNative(text: string, file: string, format: 'yaml' | 'json'): Result<Scenario> {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return fail(
      doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line, message: `${format === 'json' ? 'JSON/YAML' : 'YAML'} syntax error: ${e.message.split('\n')[0]}` })),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return fail([{ file, message: `cannot read document: ${(e as Error).message}` }]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail([{ file, line: 1, message: 'a scenario must be a mapping with name, title, dimensions and actors' }]);
  }
  const parsed = scenarioSchema.safeParse(data);
  const toIssue = (path: Path, message: string): Issue => {
    const i: Issue = { file, path: formatPath(path), message };
    const line = lineOf(doc, lc, path);
    if (line !== undefined) i.line = line;
    return i;
  };
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((x) => zodMessages(x, x.path as Path, data)).map((x) => toIssue(x.path, x.message));
    return fail(dedupe(issues));
  }
  const built = buildScenario(parsed.data, format);
  if (!built.scenario) return fail(built.issues.map((x) => toIssue(x.path, x.message)));
  return { ok: true, value: built.scenario, warnings: [], locate: (path) => lineOf(doc, lc, path) };
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.line}|${i.path}|${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
