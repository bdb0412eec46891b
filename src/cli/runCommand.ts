import type { Command } from 'commander';
import { loadScenario } from '../scenario/load.js';
import { DEFAULT_SCENARIO } from '../scenario/builtin.js';
import { compileModel } from '../engines/model.js';
import { engines } from '../engines/index.js';
import { resolveOptions, parseSetArgs } from '../engines/options.js';
import type { Engine, RunResult } from '../engines/types.js';
import type { Issue } from '../scenario/issues.js';
import type { Scenario } from '../scenario/types.js';
import { EXIT_OK, reportIssues, reportWarnings } from './exitCodes.js';
import type { Io } from './io.js';
import { renderRunTable } from './renderRunTable.js';
import { renderRunCsv } from './renderRunCsv.js';
import { toContract } from './contract.js';

export interface RunFlags {
  engine: string;
  format: string;
  set: string[];
  explain?: boolean;
}

/** Picks the engines `--engine` names (`all` = every registered engine); unknown names are issues. */
export function pickEngines(name: string): Engine[] | Issue[] {
  if (name === 'all') return Object.values(engines);
  const names = name.split(',').map((x) => x.trim());
  const unknown = names.filter((n) => !engines[n]);
  if (unknown.length) return unknown.map((n) => ({ path: '--engine', message: `unknown engine "${n}"; choose one of ${Object.keys(engines).join(', ')} or all` }));
  return names.map((n) => engines[n]);
}

/**
 * Resolves every chosen engine's options from `--set` values. With several engines, a key only has to be
 * known to one of them; a key no engine knows is an issue.
 */
export function resolveAll(chosen: Engine[], sets: Record<string, string>) {
  const issues: Issue[] = [];
  const known = (e: Engine, k: string) => e.options.some((o) => o.name.toLowerCase() === k.toLowerCase());
  if (chosen.length > 1)
    for (const k of Object.keys(sets))
      if (!chosen.some((e) => known(e, k)))
        issues.push({ path: `--set ${k}`, message: `unknown option; no chosen engine (${chosen.map((e) => e.name).join(', ')}) has it` });
  const resolved = chosen.map((e) => {
    const mine = Object.fromEntries(Object.entries(sets).filter(([k]) => chosen.length === 1 || known(e, k)));
    const r = resolveOptions(e, mine);
    if (!r.ok) issues.push(...r.issues);
    return { engine: e, options: r.ok ? r.value : {} };
  });
  return { resolved, issues };
}

/** Runs engines on a scenario: the core of `fulcrum run`, shared by other commands. */
export function runEngines(scenario: Scenario, chosen: { engine: Engine; options: Record<string, unknown> }[]): RunResult[] {
  const model = compileModel(scenario);
  return chosen.map(({ engine, options }) => engine.run(model, options as never));
}

/** `fulcrum run [SCENARIO]`: forecast a scenario with one or all engines. */
export async function runCommand(io: Io, ref: string | undefined, flags: RunFlags): Promise<number> {
  const issues: Issue[] = [];
  if (!['table', 'json', 'csv'].includes(flags.format)) issues.push({ path: '--format', message: `unknown format "${flags.format}"; use table, json or csv` });
  const picked = pickEngines(flags.engine);
  if (!Array.isArray(picked) || picked.length === 0 || !('run' in picked[0])) issues.push(...(picked as Issue[]));
  const sets = parseSetArgs(flags.set);
  if (!sets.ok) issues.push(...sets.issues);
  const loaded = loadScenario(ref ?? DEFAULT_SCENARIO);
  if (!loaded.ok) issues.push(...loaded.issues);
  if (issues.length || !loaded.ok || !sets.ok) return reportIssues(io, issues);
  const { resolved, issues: optIssues } = resolveAll(picked as Engine[], sets.value);
  if (optIssues.length) return reportIssues(io, optIssues);
  reportWarnings(io, loaded.warnings);
  const results = runEngines(loaded.value, resolved);
  for (const r of results) for (const w of r.warnings ?? []) io.err(`warning: ${r.engine}: ${w}\n`);
  const scenario = loaded.value;
  if (flags.format === 'json') {
    const objs = results.map((r) => toContract(scenario, r));
    io.out(JSON.stringify(flags.engine === 'all' ? { results: objs } : objs.length === 1 ? objs[0] : { results: objs }, null, 2) + '\n');
  } else if (flags.format === 'csv') io.out(renderRunCsv(scenario, results));
  else io.out(renderRunTable(scenario, results, { explain: Boolean(flags.explain) }));
  return EXIT_OK;
}

/** Registers `run` on the program. */
export function registerRun(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('run')
    .description('forecast a scenario (default builtin:iraq-2024) with one engine or all')
    .argument('[scenario]', 'scenario file (YAML, JSON, actor CSV, KTAB CSV/XML) or builtin:NAME', DEFAULT_SCENARIO)
    .option('-e, --engine <name>', `engine: ${Object.keys(engines).join('|')}|all`, 'all')
    .option('-f, --format <format>', 'output format: table|json|csv', 'table')
    .option('-s, --set <key=value>', 'engine option (repeatable), e.g. --set variant=scholz', collect, [])
    .option('--explain', 'print who moved, and why, in each round (table format)')
    .action(async (scenario: string | undefined, flags: RunFlags) => setExit(await runCommand(io, scenario, flags)));
}

/** Commander helper for repeatable options. */
export const collect = (v: string, prev: string[]): string[] => [...prev, v];
