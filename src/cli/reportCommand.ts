import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { loadScenario } from '../scenario/load.js';
import { DEFAULT_SCENARIO } from '../scenario/builtin.js';
import { parseSetArgs } from '../engines/options.js';
import type { Issue } from '../scenario/issues.js';
import { buildBrief } from '../report/brief.js';
import { renderBrief } from '../report/html.js';
import { EXIT_OK, reportIssues, reportWarnings } from './exitCodes.js';
import type { Io } from './io.js';
import { collect } from './runCommand.js';
import { systemErrorText } from '../scenario/systemError.js';
import { outputPathProblem } from './outputPath.js';

export interface ReportFlags {
  out?: string;
  engine: string;
  analysisEngine?: string;
  set: string[];
  runs: string;
  seed: string;
  workers: string;
}

/** `fulcrum report SCENARIO --out brief.html`: the analyst's brief as one self-contained HTML file. */
export async function reportCommand(io: Io, ref: string, flags: ReportFlags): Promise<number> {
  const issues: Issue[] = [];
  const runs = Number(flags.runs);
  const seed = Number(flags.seed);
  const workers = Number(flags.workers);
  if (!Number.isInteger(runs) || runs < 0) issues.push({ path: '--runs', message: `must be a whole number ≥ 0 (got "${flags.runs}")` });
  if (!Number.isInteger(seed) || seed < 0) issues.push({ path: '--seed', message: `must be a whole number ≥ 0 (got "${flags.seed}")` });
  if (!Number.isInteger(workers) || workers < 1) issues.push({ path: '--workers', message: `must be a whole number ≥ 1 (got "${flags.workers}")` });
  const sets = parseSetArgs(flags.set);
  if (!sets.ok) issues.push(...sets.issues);
  const outProblem = flags.out !== undefined ? outputPathProblem(flags.out) : undefined;
  if (outProblem) issues.push({ path: '--out', message: outProblem });
  const loaded = loadScenario(ref);
  if (!loaded.ok) issues.push(...loaded.issues);
  if (issues.length || !loaded.ok || !sets.ok) return reportIssues(io, issues);
  reportWarnings(io, loaded.warnings);
  const data = await buildBrief(loaded.value, { engine: flags.engine, sets: sets.value, analysisEngine: flags.analysisEngine, runs, seed, workers });
  if (!data.ok) return reportIssues(io, data.issues);
  for (const w of data.value.warnings) io.err(`warning: ${w}\n`);
  const html = renderBrief(data.value);
  const out = flags.out ?? `${loaded.value.name.replace(/[^A-Za-z0-9_.-]/g, '-')}-brief.html`;
  try {
    writeFileSync(out, html);
  } catch (e) {
    return reportIssues(io, [{ path: '--out', message: `cannot write ${out}: ${systemErrorText(e)}` }]);
  }
  io.out(`wrote ${out} (${Math.round(html.length / 1024)} KiB)\n`);
  return EXIT_OK;
}

/** Registers `report` on the program. */
export function registerReport(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('report')
    .description("write the analyst's brief: one self-contained HTML file with charts, forecasts, uncertainty, key actors, shocks and cited assumptions")
    .argument('[scenario]', 'scenario file or builtin:NAME', DEFAULT_SCENARIO)
    .option('-o, --out <file>', 'HTML file to write (default NAME-brief.html)')
    .option('-e, --engine <name>', 'engines to forecast with: a name, a comma list or all', 'all')
    .option('--analysis-engine <name>', 'engine for Monte Carlo, key actors and sensitivity (default eum)')
    .option('-s, --set <key=value>', 'engine option (repeatable)', collect, [])
    .option('-n, --runs <n>', 'Monte Carlo runs for the uncertainty band (0 = none)', '1000')
    .option('--seed <s>', 'Monte Carlo seed', '1')
    .option('-w, --workers <w>', 'worker threads for Monte Carlo', '1')
    .action(async (scenario: string, flags: ReportFlags) => setExit(await reportCommand(io, scenario, flags)));
}
