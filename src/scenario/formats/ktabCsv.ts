import type { Actor, Dimension, Scenario } from '../types.js';
import { fail, ok, type Issue, type Result } from '../issues.js';

/** KTAB's limits on an SMP scenario (smp.md §1, §4). */
export const KTAB_MIN_ACTORS = 3;
export const KTAB_MAX_ACTORS = 250;
export const KTAB_MAX_CAPABILITY = 1e8;
const MAX_SCENARIO_TEXT = 512;
const MAX_DIM_NAME = 256;

/**
 * Splits one KTAB CSV line (smp.md §4): fields are separated by commas; a field that starts with `"` is quoted
 * (commas inside kept, surrounding quotes removed); `&quot;` becomes `"` and `$$` a comma. Text is not trimmed.
 */
export function splitKtabCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field: string;
    let j = i;
    while (j < line.length && (line[j] === ' ' || line[j] === '\t')) j++;
    if (line[j] === '"') {
      const close = line.indexOf('"', j + 1);
      if (close < 0) {
        field = line.slice(j + 1);
        i = line.length;
      } else {
        field = line.slice(j + 1, close);
        const comma = line.indexOf(',', close + 1);
        i = comma < 0 ? line.length : comma;
      }
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      field = line.slice(i, end);
      i = end;
    }
    out.push(field.replace(/&quot;/g, '"').replace(/\$\$/g, ','));
    if (i >= line.length) break;
    i++; // past the comma
    if (i >= line.length) break; // trailing comma
  }
  return out;
}

/** A stable id from a display name: lower case, runs of other characters as `-`. */
export function slugId(name: string, fallback: string, taken: Set<string>): string {
  let base = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (base === '') base = fallback;
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
  taken.add(id);
  return id;
}

/** A 0–100 dimension as KTAB files use, with end labels in words from its name. */
export function ktabDimension(id: string, title: string): Dimension {
  const minLabel = `lowest ${title}`;
  const maxLabel = `highest ${title}`;
  return {
    id,
    title,
    scale: { min: 0, max: 100, minLabel, maxLabel, points: [{ value: 0, label: minLabel }, { value: 100, label: maxLabel }], bands: [] },
  };
}

/** Raw actor data from a KTAB file (0–100 positions and saliences), with where each came from. */
export interface KtabActorInput {
  name: string;
  description: string;
  capability: number;
  positions: number[];
  saliences: number[];
  line?: number;
}

/**
 * Checks KTAB actors against smp.md §4 and builds the scenario (positions kept on 0–100, saliences divided by 100).
 * Capability must be above 0 (KTAB crashes on 0), positions and saliences in [0, 100], each actor's salience total
 * at most 100 (a running sum, as KTAB checks) and above 0 (KTAB fails on an all-zero actor in the first turn).
 */
export function buildKtabScenario(
  file: string,
  info: { name: string; description: string; dimNames: string[]; format: 'ktab-csv' | 'ktab-xml' },
  rows: KtabActorInput[],
  issues: Issue[],
  warnings: Issue[],
): Scenario | undefined {
  const { dimNames } = info;
  const dimIds = new Set<string>();
  const dimensions = dimNames.map((t, k) => ktabDimension(slugId(t, `dim${k + 1}`, dimIds), t.trim() || `dim${k + 1}`));
  const actorIds = new Set<string>();
  const actors: Actor[] = [];
  if (rows.length < KTAB_MIN_ACTORS || rows.length > KTAB_MAX_ACTORS)
    issues.push({ file, message: `a KTAB scenario needs ${KTAB_MIN_ACTORS} to ${KTAB_MAX_ACTORS} actors (found ${rows.length})` });
  rows.forEach((r, i) => {
    const at = (path: string, message: string) => issues.push({ file, ...(r.line ? { line: r.line } : {}), path: `actors[${i}]${path}`, message });
    const name = r.name.trim();
    if (name === '') at('.name', 'missing actor name');
    if (!Number.isFinite(r.capability)) at('.capability', 'capability is not a number');
    else if (r.capability <= 0) at('.capability', `capability ${r.capability} of ${name || 'this actor'} must be above 0 (KTAB fails on zero power)`);
    else if (r.capability > KTAB_MAX_CAPABILITY) at('.capability', `capability ${r.capability} is above KTAB's limit ${KTAB_MAX_CAPABILITY}`);
    let total = 0;
    let over = false;
    dimensions.forEach((dim, k) => {
      const p = r.positions[k];
      const s = r.saliences[k];
      if (!Number.isFinite(p)) at(`.position.${dim.id}`, `position on ${dim.title} is not a number`);
      else if (p < 0 || p > 100) at(`.position.${dim.id}`, `position ${p} on ${dim.title} is outside [0, 100]`);
      if (!Number.isFinite(s)) at(`.salience.${dim.id}`, `salience on ${dim.title} is not a number`);
      else if (s < 0 || s > 100) at(`.salience.${dim.id}`, `salience ${s} on ${dim.title} is outside [0, 100]`);
      else {
        total += s;
        if (total > 100 && !over) {
          over = true;
          at('.salience', `saliences of ${name || 'this actor'} sum to more than 100 (KTAB reads the total, at most 100, as the probability of resisting a challenge)`);
        }
      }
    });
    if (!over && total === 0 && r.saliences.every((s) => Number.isFinite(s)))
      at('.salience', `every salience of ${name || 'this actor'} is 0 (KTAB fails on such an actor in the first turn); give it some salience or remove it`);
    let id = name;
    if (actorIds.has(id)) {
      let k = 2;
      while (actorIds.has(`${name}-${k}`)) k++;
      id = `${name}-${k}`;
      warnings.push({ file, ...(r.line ? { line: r.line } : {}), path: `actors[${i}].name`, message: `duplicate actor name "${name}"; its id is "${id}"` });
    }
    actorIds.add(id);
    const actor: Actor = { id, name, capability: { value: r.capability, evidence: [] }, position: {}, salience: {} };
    const desc = r.description.trim();
    if (desc) actor.description = desc;
    dimensions.forEach((dim, k) => {
      actor.position[dim.id] = { value: r.positions[k], evidence: [] };
      actor.salience[dim.id] = { value: r.saliences[k] / 100, evidence: [] };
    });
    actors.push(actor);
  });
  if (issues.length) return undefined;
  const name = info.name.trim() || 'ktab-scenario';
  const s: Scenario = { name, title: name, sources: [], dimensions, actors, shocks: [], format: info.format };
  const desc = info.description.trim();
  if (desc) s.description = desc;
  return s;
}

/**
 * Reads a KTAB SMP CSV scenario (smp.md §4): line 1 `name,"description",N,D`, line 2 the header (dimension names
 * in fields 3, 5, …), then N actor rows `name,desc,capability,pos1,sal1,…` on 0–100. A blank line ends the input.
 * Positions stay on 0–100 (each dimension's scale), saliences become 0–1. Every problem is an issue with file:line.
 */
export function parseKtabCsv(text: string, file: string): Result<Scenario> {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  let end = lines.findIndex((l) => l.trim() === '');
  if (end < 0) end = lines.length;
  if (end < 2) return fail([{ file, line: 1, message: 'a KTAB CSV needs a scenario line (name,description,actors,dimensions) and a header line before any blank line' }]);
  const first = splitKtabCsvLine(lines[0]);
  const scenName = first[0] ?? '';
  const scenDesc = first[1] ?? '';
  const count = (s: string | undefined, what: string, min: number, max: number): number => {
    const v = Number((s ?? '').trim());
    if ((s ?? '').trim() === '' || !Number.isInteger(v)) {
      issues.push({ file, line: 1, path: what, message: `expected a whole number of ${what} in field ${what === 'actors' ? 3 : 4} of line 1 (got "${(s ?? '').trim()}")` });
      return NaN;
    }
    if (v < min || v > max) issues.push({ file, line: 1, path: what, message: `${v} ${what}: a KTAB scenario needs ${min} to ${max}` });
    return v;
  };
  const n = count(first[2], 'actors', KTAB_MIN_ACTORS, KTAB_MAX_ACTORS);
  const d = count(first[3], 'dimensions', 1, 1000);
  if (scenName.length > MAX_SCENARIO_TEXT) issues.push({ file, line: 1, path: 'name', message: `scenario name is longer than ${MAX_SCENARIO_TEXT} characters` });
  if (scenDesc.length > MAX_SCENARIO_TEXT) issues.push({ file, line: 1, path: 'description', message: `scenario description is longer than ${MAX_SCENARIO_TEXT} characters` });
  if (issues.length) return fail(issues);
  const header = splitKtabCsvLine(lines[1]);
  const dimNames: string[] = [];
  for (let k = 0; k < d; k++) {
    const f = header[3 + 2 * k];
    if (f === undefined) {
      issues.push({ file, line: 2, path: 'header', message: `the header names ${Math.max(0, Math.floor((header.length - 2) / 2))} dimension(s) but line 1 says ${d} (dimension names go in fields 4, 6, 8, …)` });
      return fail(issues);
    }
    if (f.length > MAX_DIM_NAME) issues.push({ file, line: 2, path: `dimensions[${k}]`, message: `dimension name is longer than ${MAX_DIM_NAME} characters` });
    dimNames.push(f.trim());
  }
  const rows: KtabActorInput[] = [];
  const available = end - 2;
  if (available < n) {
    issues.push({
      file,
      line: Math.min(end + 1, lines.length),
      message: `line 1 promises ${n} actors but ${available} actor row(s) follow${end < lines.length && lines.slice(end).some((l) => l.trim() !== '') ? ' before a blank line (a blank line ends KTAB CSV input)' : ''}`,
    });
    return fail(issues);
  }
  const num = (s: string | undefined) => {
    const t = (s ?? '').trim();
    return t === '' ? NaN : Number(t);
  };
  for (let r = 0; r < n; r++) {
    const line = r + 3;
    const f = splitKtabCsvLine(lines[r + 2]);
    const need = 3 + 2 * d;
    if (f.length < need) {
      issues.push({ file, line, path: `actors[${r}]`, message: `expected ${need} fields (name, description, capability, then position and salience for each of ${d} dimension(s)); found ${f.length}` });
      continue;
    }
    const bad = (idx: number, what: string) => {
      if (!Number.isFinite(num(f[idx]))) issues.push({ file, line, path: `actors[${r}].${what}`, message: `"${(f[idx] ?? '').trim()}" is not a number` });
    };
    bad(2, 'capability');
    for (let k = 0; k < d; k++) {
      bad(3 + 2 * k, `position[${k}]`);
      bad(4 + 2 * k, `salience[${k}]`);
    }
    rows.push({
      name: f[0],
      description: f[1],
      capability: num(f[2]),
      positions: Array.from({ length: d }, (_, k) => num(f[3 + 2 * k])),
      saliences: Array.from({ length: d }, (_, k) => num(f[4 + 2 * k])),
      line,
    });
  }
  if (issues.length) return fail(issues);
  const extra = lines.slice(2 + n, end).filter((l) => l.trim() !== '').length;
  if (extra > 0) warnings.push({ file, line: 3 + n, message: `${extra} line(s) after the ${n} actors promised by line 1 are ignored (as KTAB does)` });
  const s = buildKtabScenario(file, { name: scenName, description: scenDesc, dimNames, format: 'ktab-csv' }, rows, issues, warnings);
  return s ? ok(s, warnings) : fail(issues);
}
