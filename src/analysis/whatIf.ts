import type { RunResult } from '../engines/types.js';
import { selectEngines, runEngines } from '../engines/select.js';
import { pointForecast } from '../engines/pointForecast.js';
import type { Change, Scenario } from '../scenario/types.js';
import { fail, ok, type Issue, type Result } from '../scenario/issues.js';
import { applyChanges, parseChangeArg } from './applyChanges.js';
import { applyShocks, shockSequence } from './shocks.js';

export interface WhatIfOptions {
  /** Engine name, comma list or `all` (default `all`). */
  engine?: string;
  /** Engine options as `key=value` strings (shared by the chosen engines). */
  sets?: Record<string, string>;
  /** Shock ids, applied in order. */
  shocks?: string[];
  /** Command-line changes `ACTOR.FIELD=VALUE`. */
  changes?: string[];
}

export interface WhatIfRow {
  engine: string;
  base: number[];
  shocked: number[];
  diff: number[];
}

export interface WhatIfResult {
  shocks: string[];
  changes: Change[];
  rows: WhatIfRow[];
  base: RunResult[];
  shocked: RunResult[];
  warnings: string[];
}

/** Base and shocked forecasts side by side for every chosen engine, with the difference (shocked − base). */
export function whatIf(s: Scenario, o: WhatIfOptions): Result<WhatIfResult> {
  const issues: Issue[] = [];
  const chosen = selectEngines(o.engine ?? 'all', o.sets ?? {});
  if (!chosen.ok) issues.push(...chosen.issues);
  const changes: Change[] = [];
  for (const arg of o.changes ?? []) {
    const c = parseChangeArg(arg, s);
    if (typeof c === 'string') issues.push({ path: '--change', message: c });
    else changes.push(c);
  }
  const shocked = applyShocks(s, o.shocks ?? []);
  if (!shocked.ok) issues.push(...shocked.issues);
  if ((o.shocks ?? []).length === 0 && (o.changes ?? []).length === 0) issues.push({ path: '--shock', message: 'give at least one --shock ID or --change ACTOR.FIELD=VALUE' });
  if (issues.length || !chosen.ok || !shocked.ok) return fail(issues);
  const after = applyChanges(shocked.value.scenario, changes);
  if (after.scenario.actors.length < 2)
    return fail([{ path: '--shock', message: `the shocks and changes leave ${after.scenario.actors.length} actor(s); a contest needs at least two` }]);
  const base = runEngines(s, chosen.value);
  const shockedRuns = runEngines(after.scenario, chosen.value);
  const rows = base.map((b, i) => {
    const before = pointForecast(b);
    const x = pointForecast(shockedRuns[i]);
    return { engine: b.engine, base: before, shocked: x, diff: x.map((v, k) => v - before[k]) };
  });
  return ok({ shocks: o.shocks ?? [], changes, rows, base, shocked: shockedRuns, warnings: [...shocked.value.warnings, ...after.warnings] });
}

/** One state of a replay: the base case, or the state after a shock (applied on top of the ones before it). */
export interface ReplayStep {
  /** `base case`, or the shock's id. */
  label: string;
  /** The shock's title (or "base case"). */
  title: string;
  date?: string;
  /** Clamps made while applying this shock. */
  warnings: string[];
  forecasts: { engine: string; position: number[] }[];
}

/** The dated shocks replayed in order: each engine's forecast at the base state and after each shock. */
export function replaySequence(s: Scenario, engine = 'all', sets: Record<string, string> = {}): Result<{ states: ReplayStep[] }> {
  const chosen = selectEngines(engine, sets);
  if (!chosen.ok) return chosen;
  const forecasts = (sc: Scenario) => runEngines(sc, chosen.value).map((r) => ({ engine: r.engine, position: pointForecast(r) }));
  const states: ReplayStep[] = [{ label: 'base case', title: 'base case', warnings: [], forecasts: forecasts(s) }];
  for (const step of shockSequence(s)) {
    if (step.scenario.actors.length < 2)
      return fail([{ path: `shocks.${step.shock.id}`, message: `replayed in date order, the shocks up to "${step.shock.id}" leave ${step.scenario.actors.length} actor(s); a contest needs at least two` }]);
    const st: ReplayStep = { label: step.shock.id, title: step.shock.title, warnings: step.warnings, forecasts: forecasts(step.scenario) };
    if (step.shock.date) st.date = step.shock.date;
    states.push(st);
  }
  return ok({ states });
}
