import type { Engine, EngineOptions, RunResult } from './types.js';
import type { Issue, Result } from '../scenario/issues.js';
import { fail, ok } from '../scenario/issues.js';
import type { Scenario } from '../scenario/types.js';
import { engines } from './index.js';
import { resolveOptions } from './options.js';
import { compileModel } from './model.js';

/** An engine with its effective options. */
export interface EngineChoice {
  engine: Engine;
  options: EngineOptions;
}

/**
 * Chooses engines by name (`all`, one name, or a comma list) and resolves their options from `key=value`
 * strings. With several engines a key only has to be known to one of them; unknown names and keys are issues.
 */
export function selectEngines(name: string, sets: Record<string, string> = {}): Result<EngineChoice[]> {
  const names = name === 'all' ? Object.keys(engines) : name.split(',').map((x) => x.trim());
  const unknown = names.filter((n) => !engines[n]);
  if (unknown.length)
    return fail(unknown.map((n) => ({ path: '--engine', message: `unknown engine "${n}"; choose one of ${Object.keys(engines).join(', ')} or all` })));
  const chosen = names.map((n) => engines[n]);
  const issues: Issue[] = [];
  const known = (e: Engine, k: string) => e.options.some((o) => o.name.toLowerCase() === k.toLowerCase());
  if (chosen.length > 1)
    for (const k of Object.keys(sets))
      if (!chosen.some((e) => known(e, k)))
        issues.push({ path: `--set ${k}`, message: `unknown option; no chosen engine (${names.join(', ')}) has it` });
  const out = chosen.map((engine) => {
    const mine = Object.fromEntries(Object.entries(sets).filter(([k]) => chosen.length === 1 || known(engine, k)));
    const r = resolveOptions(engine, mine);
    if (!r.ok) issues.push(...r.issues);
    return { engine, options: r.ok ? r.value : {} };
  });
  return issues.length ? fail(issues) : ok(out);
}

/** Runs the chosen engines on a scenario (compiled once). */
export function runEngines(scenario: Scenario, chosen: readonly EngineChoice[]): RunResult[] {
  const model = compileModel(scenario);
  return chosen.map(({ engine, options }) => engine.run(model, options));
}
