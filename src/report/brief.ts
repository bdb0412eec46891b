/**
 * Gathers what the analyst's brief shows — every chosen engine's run, the Monte Carlo band, key actors,
 * sensitivity and each named shock's effect — by calling the engines and analyses. Rendering is html.ts.
 */
import type { RunResult } from '../engines/types.js';
import type { Engine } from '../engines/types.js';
import { selectEngines, runEngines } from '../engines/select.js';
import { replaySequence, whatIf } from '../analysis/whatIf.js';
import { runMonteCarlo } from '../analysis/montecarlo.js';
import { keyActors } from '../analysis/keyActors.js';
import { sensitivity } from '../analysis/sensitivity.js';
import { fail, ok, type Result } from '../scenario/issues.js';
import type { Scenario, Shock } from '../scenario/types.js';
import type { MonteCarloSummary } from '../analysis/montecarlo.js';
import type { KeyActorsResult } from '../analysis/keyActors.js';
import type { SensitivityResult } from '../analysis/sensitivity.js';

export interface BriefOptions {
  /** Engines to forecast with: a name, a comma list or `all` (default `all`). */
  engine?: string;
  /** Engine options as `key=value` strings (a key need only be known to one chosen engine). */
  sets?: Record<string, string>;
  /** Engine for Monte Carlo, key actors and sensitivity (default `eum` when chosen, else the first chosen). */
  analysisEngine?: string;
  /** Monte Carlo runs (default 500; 0 leaves the band out). */
  runs?: number;
  /** Monte Carlo seed (default 1). */
  seed?: number;
  /** Worker threads for Monte Carlo (default 1). */
  workers?: number;
  /** Date printed as "generated" (default today, YYYY-MM-DD). */
  generated?: string;
}

/** Everything the brief renders. */
export interface BriefData {
  scenario: Scenario;
  generated: string;
  runs: RunResult[];
  engines: { name: string; title: string; description: string }[];
  analysisEngine: string;
  monteCarlo?: MonteCarloSummary;
  keyActors?: KeyActorsResult;
  sensitivity?: SensitivityResult;
  shocks: { shock: Shock; rows: { engine: string; base: number[]; shocked: number[]; diff: number[] }[]; warnings: string[] }[];
  /** The shocks replayed cumulatively in date order (undated last), each engine's forecast after each. */
  sequence?: ReplayState[];
  warnings: string[];
}

/** One state of the replayed sequence: the base case (no shock) or the state after a shock. */
export interface ReplayState {
  /** `base case`, or the shock's date and title. */
  label: string;
  shock?: { id: string; title: string; date?: string };
  forecasts: { engine: string; position: number[] }[];
}

/** The shocks of `s` replayed in date order by the chosen engines, with each shock's title and date. */
export function replayStates(s: Scenario, engine: string, sets: Record<string, string>): Result<ReplayState[]> {
  const r = replaySequence(s, engine, sets);
  if (!r.ok) return r;
  return ok(
    r.value.states.map((st, i) => {
      if (i === 0) return { label: 'base case', forecasts: st.forecasts };
      const sh = s.shocks.find((x) => x.id === st.label);
      const shock = { id: st.label, title: sh?.title ?? st.label, ...(st.date ? { date: st.date } : {}) };
      return { label: `${st.date ? st.date + ' ' : ''}${shock.title}`, shock, forecasts: st.forecasts };
    }),
  );
}

/** The chosen options that an engine knows, as `key=value` strings. */
export function setsFor(engine: Engine, sets: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(sets).filter(([k]) => engine.options.some((o) => o.name.toLowerCase() === k.toLowerCase())));
}

/** Runs everything the brief shows; bad engine names or options come back as issues. */
export async function buildBrief(s: Scenario, o: BriefOptions = {}): Promise<Result<BriefData>> {
  const sets = o.sets ?? {};
  const chosen = selectEngines(o.engine ?? 'all', sets);
  if (!chosen.ok) return chosen;
  const names = chosen.value.map((c) => c.engine.name);
  const aName = o.analysisEngine ?? (names.includes('eum') ? 'eum' : names[0]);
  if (aName === 'all' || aName.includes(','))
    return fail([{ path: '--analysis-engine', message: `the analyses (Monte Carlo, key actors, sensitivity) use one engine; got "${aName}"` }]);
  const analysis = selectEngines(aName, {});
  if (!analysis.ok) return analysis;
  const aEngine = analysis.value[0].engine;
  const aSets = setsFor(aEngine, sets);
  const runs = runEngines(s, chosen.value);
  const warnings = runs.flatMap((r) => (r.warnings ?? []).map((w) => (w.startsWith(`${r.engine}:`) ? w : `${r.engine}: ${w}`)));
  const nRuns = o.runs ?? 500;
  let monteCarlo: MonteCarloSummary | undefined;
  if (nRuns > 0) {
    const mc = await runMonteCarlo(s, { engine: aEngine.name, options: aSets, runs: nRuns, seed: o.seed ?? 1, workers: o.workers ?? 1 });
    if (!mc.ok) return mc;
    monteCarlo = mc.value;
  }
  const ka = keyActors(s, aEngine.name, aSets);
  if (!ka.ok) return ka;
  const se = sensitivity(s, aEngine.name, aSets);
  if (!se.ok) return se;
  const shocks = s.shocks.map((shock) => {
    const r = whatIf(s, { engine: names.join(','), sets, shocks: [shock.id] });
    return r.ok ? { shock, rows: r.value.rows, warnings: r.value.warnings } : { shock, rows: [], warnings: r.issues.map((i) => i.message) };
  });
  let sequence: ReplayState[] | undefined;
  if (s.shocks.length > 1) {
    const r = replayStates(s, names.join(','), sets);
    if (r.ok) sequence = r.value;
    else warnings.push(...r.issues.map((i) => `shock sequence: ${i.message}`));
  }
  return ok({
    scenario: s,
    generated: o.generated ?? new Date().toISOString().slice(0, 10),
    runs,
    engines: chosen.value.map((c) => ({ name: c.engine.name, title: c.engine.title, description: c.engine.description })),
    analysisEngine: aEngine.name,
    monteCarlo,
    keyActors: ka.value,
    sensitivity: se.value,
    shocks,
    sequence,
    warnings,
  });
}
