import type { Actor, Scenario } from '../types.js';
import { fail, ok, type Issue, type Result } from '../issues.js';
import { splitCsvLine } from './csvLine.js';
import { MAX_MAGNITUDE } from '../validate.js';

const REQUIRED = ['actor', 'capability', 'position', 'salience'] as const;

/** True when the first non-comment line of `text` is the plain actor-CSV header. */
export function looksLikeActorCsv(text: string): boolean {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  if (!first) return false;
  const cols = splitCsvLine(first).map((c) => c.trim().toLowerCase());
  return REQUIRED.every((r) => cols.includes(r));
}

/**
 * Reads the plain actor CSV `actor,capability,position,salience` (`#` comment lines allowed, extra columns
 * ignored) as a one-dimensional scenario whose scale runs from the lowest to the highest position held
 * (the EUM's default range, eum.md §1). Saliences on 0–100 are rescaled to 0–1 with a warning.
 */
export function parseActorCsv(text: string, file: string, name: string): Result<Scenario> {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const lines = text.split(/\r?\n/);
  const comments: string[] = [];
  let header: string[] | undefined;
  const rows: { line: number; cells: string[] }[] = [];
  lines.forEach((raw, idx) => {
    const line = idx + 1;
    const t = raw.trim();
    if (t === '') return;
    if (t.startsWith('#')) {
      if (!header) comments.push(t.replace(/^#\s*/, ''));
      return;
    }
    const cells = splitCsvLine(raw).map((c) => c.trim());
    if (!header) header = cells.map((c) => c.toLowerCase());
    else rows.push({ line, cells });
  });
  if (!header) return fail([{ file, message: 'no header line: expected actor,capability,position,salience' }]);
  const col: Record<string, number> = {};
  for (const r of REQUIRED) {
    col[r] = header.indexOf(r);
    if (col[r] < 0) issues.push({ file, line: lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#')) + 1, path: r, message: `missing column "${r}"` });
  }
  if (issues.length) return fail(issues);
  const actors: Actor[] = [];
  const ids = new Set<string>();
  const num = (cells: string[], c: string, line: number): number => {
    const s = cells[col[c]] ?? '';
    const v = Number(s);
    if (s === '' || !Number.isFinite(v)) {
      issues.push({ file, line, path: c, message: s === '' ? 'missing value' : `"${s}" is not a finite number` });
      return NaN;
    }
    return v;
  };
  for (const { line, cells } of rows) {
    const name = cells[col.actor] ?? '';
    if (name === '') issues.push({ file, line, path: 'actor', message: 'missing actor name' });
    if (ids.has(name)) issues.push({ file, line, path: 'actor', message: `duplicate actor "${name}"` });
    ids.add(name);
    const capability = num(cells, 'capability', line);
    const position = num(cells, 'position', line);
    const salience = num(cells, 'salience', line);
    if (capability <= 0 || capability > MAX_MAGNITUDE) issues.push({ file, line, path: 'capability', message: `capability ${capability} must be above 0 and at most ${MAX_MAGNITUDE}` });
    if (Math.abs(position) > MAX_MAGNITUDE) issues.push({ file, line, path: 'position', message: `position ${position} must lie within ±${MAX_MAGNITUDE}` });
    if (salience < 0 || salience > 100) issues.push({ file, line, path: 'salience', message: `salience ${salience} must be in [0, 1] (or 0–100)` });
    actors.push({
      id: name,
      name,
      capability: { value: capability, evidence: [] },
      position: { position: { value: position, evidence: [] } },
      salience: { position: { value: salience, evidence: [] } },
    });
  }
  if (actors.length < 2 && issues.length === 0) issues.push({ file, message: `needs at least two actors (found ${actors.length})` });
  if (issues.length) return fail(issues);
  const big = actors.find((a) => a.salience.position.value > 1);
  const fractional = actors.findIndex((a) => a.salience.position.value > 0 && a.salience.position.value < 1);
  if (big && fractional >= 0)
    return fail([
      {
        file,
        line: rows[fractional].line,
        path: 'salience',
        message: `saliences mix scales: ${actors[fractional].salience.position.value} here reads as 0–1, but ${big.name} has ${big.salience.position.value} (0–100); use one scale for the whole file`,
      },
    ]);
  if (big) {
    for (const a of actors) a.salience.position.value /= 100;
    warnings.push({ file, message: 'saliences above 1 found: read as 0–100 and rescaled to 0–1' });
  }
  const xs = actors.map((a) => a.position.position.value);
  let min = Math.min(...xs);
  let max = Math.max(...xs);
  if (min === max) {
    min -= 0.5;
    max += 0.5;
  }
  const scenario: Scenario = {
    name,
    title: name,
    sources: [],
    dimensions: [
      {
        id: 'position',
        title: 'position',
        scale: {
          min,
          max,
          minLabel: "lowest position held",
          maxLabel: "highest position held",
          points: [
            { value: min, label: "lowest position held" },
            { value: max, label: "highest position held" },
          ],
          bands: [],
        },
      },
    ],
    actors,
    shocks: [],
    format: 'actor-csv',
  };
  if (comments.length) scenario.description = comments.join(' ');
  return ok(scenario, warnings);
}
