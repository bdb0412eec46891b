import type { Scenario, Shock } from '../scenario/types.js';
import { fail, ok, type Result } from '../scenario/issues.js';
import { applyChanges } from './applyChanges.js';

/** Applies the named shocks, in the order given, to the base case. Unknown shock ids are issues. */
export function applyShocks(s: Scenario, ids: readonly string[]): Result<{ scenario: Scenario; warnings: string[] }> {
  const unknown = ids.filter((id) => !s.shocks.some((x) => x.id === id));
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (unknown.length || repeated.length)
    return fail([
      ...unknown.map((id) => ({ path: '--shock', message: `unknown shock "${id}"; known: ${s.shocks.map((x) => x.id).join(', ') || '(none)'}` })),
      ...[...new Set(repeated)].map((id) => ({ path: '--shock', message: `shock "${id}" is given more than once` })),
    ]);
  const changes = ids.flatMap((id) => s.shocks.find((x) => x.id === id)!.changes);
  return ok(applyChanges(s, changes));
}

/**
 * The dated shocks replayed in date order (undated ones last, in file order): state k is the base case with
 * shocks 1..k applied cumulatively.
 */
export function shockSequence(s: Scenario): { shock: Shock; scenario: Scenario; warnings: string[] }[] {
  const ordered = s.shocks
    .map((shock, i) => ({ shock, i }))
    .sort((a, b) => (a.shock.date ?? '\uffff').localeCompare(b.shock.date ?? '\uffff') || a.i - b.i)
    .map((x) => x.shock);
  const out: { shock: Shock; scenario: Scenario; warnings: string[] }[] = [];
  let current = s;
  for (const shock of ordered) {
    const r = applyChanges(current, shock.changes);
    current = r.scenario;
    out.push({ shock, scenario: current, warnings: r.warnings });
  }
  return out;
}
