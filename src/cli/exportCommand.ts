import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { loadScenario } from '../scenario/load.js';
import { toNative } from '../scenario/toNative.js';
import { exportKtabCsv } from '../scenario/formats/ktabCsvExport.js';
import { EXIT_OK, reportIssues, reportWarnings } from './exitCodes.js';
import type { Io } from './io.js';
import { systemErrorText } from '../scenario/systemError.js';
import { outputPathProblem } from './outputPath.js';

/** `fulcrum export SCENARIO --format yaml|json|ktab-csv [--out FILE]`: convert a scenario to another format. */
export async function exportCommand(io: Io, ref: string, flags: { format: string; out?: string }): Promise<number> {
  const formats = ['yaml', 'json', 'ktab-csv'];
  if (!formats.includes(flags.format)) return reportIssues(io, [{ path: '--format', message: `unknown format "${flags.format}"; use ${formats.join(', ')}` }]);
  const outProblem = flags.out !== undefined ? outputPathProblem(flags.out) : undefined;
  if (outProblem) return reportIssues(io, [{ path: '--out', message: outProblem }]);
  const loaded = loadScenario(ref);
  if (!loaded.ok) return reportIssues(io, loaded.issues);
  reportWarnings(io, loaded.warnings);
  let text: string;
  if (flags.format === 'ktab-csv') {
    const r = exportKtabCsv(loaded.value);
    if (!r.ok) return reportIssues(io, r.issues);
    reportWarnings(io, r.warnings);
    text = r.value;
  } else {
    const doc = toNative(loaded.value);
    text = flags.format === 'json' ? JSON.stringify(doc, null, 2) + '\n' : stringify(doc, { lineWidth: 0 });
  }
  if (!flags.out) {
    io.out(text);
    return EXIT_OK;
  }
  try {
    writeFileSync(flags.out, text);
  } catch (e) {
    return reportIssues(io, [{ file: flags.out, message: `cannot write: ${systemErrorText(e)}` }]);
  }
  io.err(`wrote ${flags.out}\n`);
  return EXIT_OK;
}

/** Registers `export` on the program. */
export function registerExport(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('export')
    .description('convert a scenario to YAML, JSON or KTAB CSV')
    .argument('<scenario>', 'scenario file or builtin:NAME')
    .option('-f, --format <format>', 'yaml|json|ktab-csv', 'yaml')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action(async (scenario: string, flags: { format: string; out?: string }) => setExit(await exportCommand(io, scenario, flags)));
}
