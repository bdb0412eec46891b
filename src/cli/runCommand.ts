import type { Command } from 'commander';
import { loadScenario } from '../scenario/load.js';
import { DEFAULT_SCENARIO } from '../scenario/builtin.js';
import { engines } from '../engines/index.js';
import { parseSetArgs } from '../engines/options.js';
import { selectEngines } from '../engines/select.js';
import { compileModel } from '../engines/model.js';
import type { Issue } from '../scenario/issues.js';
import type { RunResult } from '../engines/types.js';
import { openStoreFor, saveRuns, withStoreFlags, type StoreFlags } from './storeFlags.js';
import { EXIT_OK, reportIssues, reportWarnings } from './exitCodes.js';
import type { Io } from './io.js';
import { renderRunTable } from './renderRunTable.js';
import { renderRunCsv } from './renderRunCsv.js';
import { toContract } from './contract.js';

export interface RunFlags extends StoreFlags {
  engine: string;
  format: string;
  set: string[];
  explain?: boolean;
}

/** `fulcrum run [SCENARIO]`: forecast a scenario with one or all engines. */
export async function runCommand(io: Io, ref: string | undefined, flags: RunFlags): Promise<number> {
  const issues: Issue[] = [];
  if (!['table', 'json', 'csv'].includes(flags.format)) issues.push({ path: '--format', message: `unknown format "${flags.format}"; use table, json or csv` });
  const sets = parseSetArgs(flags.set);
  if (!sets.ok) issues.push(...sets.issues);
  const chosen = selectEngines(flags.engine, sets.ok ? sets.value : {});
  if (!chosen.ok) issues.push(...chosen.issues);
  const loaded = loadScenario(ref ?? DEFAULT_SCENARIO);
  if (!loaded.ok) issues.push(...loaded.issues);
  if (issues.length || !loaded.ok || !chosen.ok) return reportIssues(io, issues);
  const store = openStoreFor(flags);
  if (!store.ok) return reportIssues(io, store.issues);
  reportWarnings(io, loaded.warnings);
  const results: RunResult[] = [];
  const timings: number[] = [];
  const model = compileModel(loaded.value);
  for (const c of chosen.value) {
    const t0 = performance.now();
    results.push(c.engine.run(model, c.options));
    timings.push(performance.now() - t0);
  }
  // The table carries the engines' notes itself; other formats get them on stderr.
  if (flags.format !== 'table')
    for (const r of results) for (const w of r.warnings ?? []) io.err(`warning: ${w.startsWith(r.engine + ':') ? w : `${r.engine}: ${w}`}\n`);
  const scenario = loaded.value;
  if (flags.format === 'json') {
    const objs = results.map((r) => toContract(scenario, r));
    io.out(JSON.stringify(flags.engine === 'all' ? { results: objs } : objs.length === 1 ? objs[0] : { results: objs }, null, 2) + '\n');
  } else if (flags.format === 'csv') io.out(renderRunCsv(scenario, results));
  else io.out(renderRunTable(scenario, results, { explain: Boolean(flags.explain) }));
  try {
    saveRuns(
      io,
      store.value,
      scenario,
      results.map((r, i) => ({ kind: 'run', engine: r.engine, options: r.options, result: toContract(scenario, r), timings: { engineMs: timings[i] } })),
    );
  } finally {
    store.value?.close();
  }
  return EXIT_OK;
}

/** Registers `run` on the program. */
export function registerRun(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('run')
    .description('forecast a scenario (default builtin:iraq-2024) with one engine or all')
    .argument('[scenario]', 'scenario file (YAML, JSON, actor CSV, KTAB CSV/XML) or builtin:NAME', DEFAULT_SCENARIO)
    .option('-e, --engine <name>', `engine: ${Object.keys(engines).join('|')}|all`, 'all')
    .option('-f, --format <format>', 'output format: table|json|csv', 'table')
    .option('-s, --set <key=value>', 'engine option (repeatable), e.g. --set variant=scholz', collect, [])
    .option('--explain', 'print who moved, and why, in each round (table format)');
  withStoreFlags(cmd).action(async (scenario: string | undefined, flags: RunFlags) => setExit(await runCommand(io, scenario, flags)));
}

/** Commander helper for repeatable options. */
export const collect = (v: string, prev: string[]): string[] => [...prev, v];
