import type { Command } from 'commander';
import { loadScenario } from '../scenario/load.js';
import { DEFAULT_SCENARIO } from '../scenario/builtin.js';
import { parseSetArgs } from '../engines/options.js';
import { sensitivity } from '../analysis/sensitivity.js';
import { keyActors } from '../analysis/keyActors.js';
import { fmt } from '../scenario/describeValue.js';
import type { Issue } from '../scenario/issues.js';
import { EXIT_OK, reportIssues, reportWarnings } from './exitCodes.js';
import type { Io } from './io.js';
import { collect } from './runCommand.js';
import { textTable } from './renderRunTable.js';

interface Flags {
  engine: string;
  set: string[];
  format: string;
  top: string;
  shift?: string;
}

const vec = (x: number[] | null) => (x ? x.map((v) => fmt(v)).join(' / ') : '—');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** `fulcrum sensitivity` (tornado) and `fulcrum key-actors`: who and what move the forecast. */
async function influence(io: Io, which: 'sensitivity' | 'key-actors', ref: string | undefined, flags: Flags): Promise<number> {
  const issues: Issue[] = [];
  if (!['table', 'json'].includes(flags.format)) issues.push({ path: '--format', message: `unknown format "${flags.format}"; use table or json` });
  const top = Number(flags.top);
  if (!Number.isInteger(top) || top < 1) issues.push({ path: '--top', message: `must be a whole number above 0 (got "${flags.top}")` });
  const shift = Number(flags.shift ?? '0.1');
  const sets = parseSetArgs(flags.set);
  if (!sets.ok) issues.push(...sets.issues);
  const loaded = loadScenario(ref ?? DEFAULT_SCENARIO);
  if (!loaded.ok) issues.push(...loaded.issues);
  if (issues.length || !loaded.ok || !sets.ok) return reportIssues(io, issues);
  reportWarnings(io, loaded.warnings);
  const s = loaded.value;
  const dims = s.dimensions.map((d) => d.id).join(' / ');
  const header = { scenario: { name: s.name, dimensions: s.dimensions.map((d) => d.title) } };
  if (which === 'sensitivity') {
    const r = sensitivity(s, flags.engine, sets.value);
    if (!r.ok) return reportIssues(io, r.issues);
    if (flags.format === 'json') io.out(JSON.stringify({ ...header, ...r.value }, null, 2) + '\n');
    else {
      io.out(`${s.title}: one-at-a-time sensitivity, engine ${r.value.engine}; base forecast ${vec(r.value.base)} (${dims})\n`);
      io.out('Each input at its low and high value, the others at their point values; effect = largest forecast change as a share of the scale.\n\n');
      io.out(
        textTable(
          ['Actor', 'Input', 'Low → High', 'Forecast at low', 'Forecast at high', 'Effect'],
          r.value.items.slice(0, top).map((x) => [x.name, x.dimension ? `${x.field}.${x.dimension}` : x.field, `${fmt(x.low)} → ${fmt(x.high)}`, vec(x.forecastLow), vec(x.forecastHigh), pct(x.effect)]),
          [false, false, true, true, true, true],
        ),
      );
    }
  } else {
    if (!Number.isFinite(shift)) return reportIssues(io, [{ path: '--shift', message: `must be a number (got "${flags.shift}")` }]);
    const r = keyActors(s, flags.engine, sets.value, shift);
    if (!r.ok) return reportIssues(io, r.issues);
    if (flags.format === 'json') io.out(JSON.stringify({ ...header, ...r.value }, null, 2) + '\n');
    else {
      io.out(`${s.title}: key actors, engine ${r.value.engine}; base forecast ${vec(r.value.base)} (${dims})\n`);
      io.out(`Each actor removed, and its position moved up and down by ${pct(r.value.shift)} of the scale; influence = largest forecast change as a share of the scale.\n\n`);
      io.out(
        textTable(
          ['Actor', 'Without it', `Moved up`, `Moved down`, 'Influence'],
          r.value.actors.slice(0, top).map((a) => [a.name, vec(a.without), vec(a.up), vec(a.down), pct(a.influence)]),
          [false, true, true, true, true],
        ),
      );
    }
  }
  return EXIT_OK;
}

/** Registers `sensitivity` and `key-actors` on the program. */
export function registerInfluence(program: Command, io: Io, setExit: (code: number) => void): void {
  for (const which of ['sensitivity', 'key-actors'] as const) {
    const cmd = program
      .command(which)
      .description(which === 'sensitivity' ? 'tornado: the forecast at each input\'s low and high value, ranked by effect' : 'who moves the outcome: each actor removed or moved, ranked by influence')
      .argument('[scenario]', 'scenario file or builtin:NAME', DEFAULT_SCENARIO)
      .option('-e, --engine <name>', 'engine (one)', 'eum')
      .option('-s, --set <key=value>', 'engine option (repeatable)', collect, [])
      .option('--top <n>', 'rows to print', which === 'sensitivity' ? '15' : '50')
      .option('-f, --format <format>', 'table|json', 'table');
    if (which === 'key-actors') cmd.option('--shift <share>', 'how far to move each actor, as a share of the scale', '0.1');
    cmd.action(async (scenario: string | undefined, flags: Flags) => setExit(await influence(io, which, scenario, flags)));
  }
}
