import type { Scenario } from '../types.js';
import { fail, ok, type Issue, type Result } from '../issues.js';
import { KTAB_MAX_ACTORS, KTAB_MAX_CAPABILITY, KTAB_MIN_ACTORS } from './ktabCsv.js';

/** A number without floating-point noise (9 decimals), as KTAB files write them. */
const num = (v: number): string => String(Number(v.toFixed(9)));
/** A plain KTAB CSV text field: `"` as `&quot;`, commas as `$$` (smp.md §4). */
const plain = (s: string): string => s.replace(/"/g, '&quot;').replace(/,/g, '$$$$').replace(/[\r\n]+/g, ' ');
/** A quoted KTAB CSV text field (commas kept). */
const quoted = (s: string): string => `"${s.replace(/"/g, '&quot;').replace(/[\r\n]+/g, ' ')}"`;

/**
 * Writes a scenario as a KTAB SMP CSV file (smp.md §4), readable by KTAB's `smpc --csv` and by `parseKtabCsv`.
 * Positions are mapped from each dimension's scale to 0–100, saliences to 0–100; an actor whose saliences sum above
 * 100 is scaled down to 100 (with a warning), as the SMP adapter does. Uncertainty, evidence, sources and shocks have
 * no place in the format and are dropped (with a warning when present).
 */
export function exportKtabCsv(s: Scenario): Result<string> {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const n = s.actors.length;
  const d = s.dimensions.length;
  if (n < KTAB_MIN_ACTORS || n > KTAB_MAX_ACTORS)
    issues.push({ path: 'actors', message: `KTAB CSV needs ${KTAB_MIN_ACTORS} to ${KTAB_MAX_ACTORS} actors (the scenario has ${n})` });
  if (d < 1) issues.push({ path: 'dimensions', message: 'KTAB CSV needs at least one dimension' });
  const lines: string[] = [];
  const desc = s.description ?? s.title ?? '';
  lines.push(`${plain(s.name)},${quoted(desc)},${n},${d},`);
  lines.push(['Actor', 'Description', 'Power', ...s.dimensions.flatMap((dim) => [plain(dim.title), plain(`${dim.title} Salience`)])].join(',') + ',');
  const scaled: string[] = [];
  const zero: string[] = [];
  let lossy = s.sources.length > 0 || s.shocks.length > 0;
  s.actors.forEach((a, i) => {
    const cap = a.capability.value;
    if (!(cap > 0) || cap > KTAB_MAX_CAPABILITY)
      issues.push({ path: `actors[${i}].capability`, message: `capability ${cap} of ${a.name} must be above 0 and at most ${KTAB_MAX_CAPABILITY} for KTAB` });
    const sal = s.dimensions.map((dim) => 100 * a.salience[dim.id].value);
    const total = sal.reduce((x, y) => x + y, 0);
    if (total > 100 + 1e-9) {
      // Rounded down so that the written total stays within KTAB's running-sum check of 100.
      for (let k = 0; k < d; k++) sal[k] = Math.floor(((sal[k] * 100) / total) * 1e6) / 1e6;
      scaled.push(a.name);
    }
    if (total === 0) zero.push(a.name);
    const cells = [plain(a.name), quoted(a.description ?? ''), num(cap)];
    s.dimensions.forEach((dim, k) => {
      const x = a.position[dim.id].value;
      const { min, max } = dim.scale;
      const p = min === 0 && max === 100 ? x : (100 * (x - min)) / (max - min);
      if (!(p >= 0 && p <= 100))
        issues.push({ path: `actors[${i}].position.${dim.id}`, message: `position ${x} of ${a.name} is outside the scale of ${dim.title} [${min}, ${max}]` });
      cells.push(num(p), num(sal[k]));
      const u = [a.position[dim.id], a.salience[dim.id]];
      if (u.some((v) => v.low !== undefined || v.high !== undefined || v.sd !== undefined || v.evidence.length > 0)) lossy = true;
    });
    if (a.capability.evidence.length || a.capability.low !== undefined || a.capability.high !== undefined || a.capability.sd !== undefined) lossy = true;
    lines.push(cells.join(',') + ',');
  });
  if (issues.length) return fail(issues);
  if (scaled.length)
    warnings.push({ path: 'actors', message: `saliences summing above 1 were scaled down to sum to 1 (KTAB's limit): ${scaled.join(', ')}` });
  if (zero.length) warnings.push({ path: 'actors', message: `KTAB cannot run actors whose saliences are all 0: ${zero.join(', ')}` });
  if (lossy) warnings.push({ message: 'KTAB CSV keeps point values only: uncertainty, evidence, sources and shocks are not exported' });
  return ok(lines.join('\n') + '\n', warnings);
}
