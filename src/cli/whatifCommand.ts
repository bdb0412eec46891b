import type { Command } from 'commander';
import { loadScenario } from '../scenario/load.js';
import { DEFAULT_SCENARIO } from '../scenario/builtin.js';
import { parseSetArgs } from '../engines/options.js';
import { replaySequence, whatIf } from '../analysis/whatIf.js';
import { describeValue, fmt, fmtSigned } from '../scenario/describeValue.js';
import type { Issue } from '../scenario/issues.js';
import { EXIT_OK, reportIssues, reportWarnings } from './exitCodes.js';
import type { Io } from './io.js';
import { collect } from './runCommand.js';
import { openStoreFor, saveRun, withStoreFlags, type StoreFlags } from './storeFlags.js';
import { textTable } from './renderRunTable.js';

interface WhatIfFlags extends StoreFlags {
  engine: string;
  shock: string[];
  change: string[];
  set: string[];
  sequence?: boolean;
  format: string;
}


/** `fulcrum whatif SCENARIO --shock ID… --change ACTOR.FIELD=VALUE…`: base and shocked forecasts side by side. */
export async function whatifCommand(io: Io, ref: string | undefined, flags: WhatIfFlags): Promise<number> {
  const issues: Issue[] = [];
  if (!['table', 'json'].includes(flags.format)) issues.push({ path: '--format', message: `unknown format "${flags.format}"; use table or json` });
  const sets = parseSetArgs(flags.set);
  if (!sets.ok) issues.push(...sets.issues);
  const loaded = loadScenario(ref ?? DEFAULT_SCENARIO);
  if (!loaded.ok) issues.push(...loaded.issues);
  if (issues.length || !loaded.ok || !sets.ok) return reportIssues(io, issues);
  const s = loaded.value;
  reportWarnings(io, loaded.warnings);
  if (flags.sequence) {
    const r = replaySequence(s, flags.engine, sets.value);
    if (!r.ok) return reportIssues(io, r.issues);
    for (const st of r.value.states) for (const w of st.warnings) io.err(`warning: ${st.label}: ${w}\n`);
    if (flags.format === 'json') io.out(JSON.stringify({ scenario: { name: s.name, dimensions: s.dimensions.map((d) => d.title) }, ...r.value }, null, 2) + '\n');
    else {
      let out = `${s.title}: dated shocks replayed in order\n`;
      s.dimensions.forEach((d, k) => {
        out += `\n${d.title}\n`;
        const engines = r.value.states[0].forecasts.map((f) => f.engine);
        out += textTable(['Date', 'State (shocks applied cumulatively)', ...engines], r.value.states.map((st) => [st.date ?? '', st.title, ...st.forecasts.map((f) => fmt(f.position[k]))]), [false, false, ...engines.map(() => true)]);
      });
      io.out(out);
    }
    return EXIT_OK;
  }
  const store = openStoreFor(flags);
  if (!store.ok) return reportIssues(io, store.issues);
  try {
    const t0 = performance.now();
    const r = whatIf(s, { engine: flags.engine, sets: sets.value, shocks: flags.shock, changes: flags.change });
    if (!r.ok) return reportIssues(io, r.issues);
    const ms = performance.now() - t0;
    for (const w of r.value.warnings) io.err(`warning: ${w}\n`);
    const w = r.value;
    if (flags.format === 'json') {
      io.out(JSON.stringify({ scenario: { name: s.name, dimensions: s.dimensions.map((d) => d.title) }, shocks: w.shocks, changes: w.changes, rows: w.rows }, null, 2) + '\n');
    } else {
      let out = `${s.title}: what if ${[...w.shocks.map((id) => s.shocks.find((x) => x.id === id)!.title), ...flags.change].join(' + ')}\n`;
      s.dimensions.forEach((d, k) => {
        out += `\n${d.title}\n`;
        out += textTable(
          ['Engine', 'Base', 'Shocked', 'Change', 'Shocked means'],
          w.rows.map((row) => [row.engine, fmt(row.base[k]), fmt(row.shocked[k]), fmtSigned(row.diff[k]), describeValue(d, row.shocked[k])]),
          [false, true, true, true, false],
        );
      });
      io.out(out);
    }
    saveRun(io, store.value, s, { kind: 'whatif', engine: flags.engine, options: { set: sets.value, shocks: w.shocks, changes: flags.change }, result: { rows: w.rows }, timings: { totalMs: ms } });
    return EXIT_OK;
  } finally {
    store.value?.close();
  }
}

/** Registers `whatif` on the program. */
export function registerWhatIf(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('whatif')
    .description('compare the base case with named shocks and/or changes, for every engine')
    .argument('[scenario]', 'scenario file or builtin:NAME', DEFAULT_SCENARIO)
    .option('--shock <id>', 'a shock defined in the scenario (repeatable)', collect, [])
    .option('--change <actor.field=value>', 'set with =, change with += -= *=: sudani.position.presence=60, us-gov.capability*=1.2, kurds.salience.presence+=0.1 (repeatable)', collect, [])
    .option('-e, --engine <name>', 'engine, comma list or all', 'all')
    .option('-s, --set <key=value>', 'engine option (repeatable)', collect, [])
    .option('--sequence', 'replay the dated shocks in order, as a sequence of states')
    .option('-f, --format <format>', 'table|json', 'table');
  withStoreFlags(cmd).action(async (scenario: string | undefined, flags: WhatIfFlags) => setExit(await whatifCommand(io, scenario, flags)));
}
