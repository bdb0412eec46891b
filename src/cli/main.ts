import { Command, CommanderError } from 'commander';
import { InputError } from '../scenario/issues.js';
import { EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, reportIssues } from './exitCodes.js';
import { processIo, type Io } from './io.js';
import { registerRun } from './runCommand.js';
import { registerCheck } from './checkCommand.js';
import { registerExport } from './exportCommand.js';
import { registerMc } from './mcCommand.js';
import { registerWhatIf } from './whatifCommand.js';
import { registerInfluence } from './influenceCommands.js';
import { registerRuns } from './runsCommand.js';
import { registerEngines } from './enginesCommand.js';
import { builtinNames } from '../scenario/builtin.js';

import { VERSION } from './version.js';

export { VERSION };

/** Commands whose modules are heavy (web server, chart rendering): loaded only when they may be needed. */
const HEAVY = ['serve', 'report'];

/** True when `argv` may need the heavy commands (they are named, or help lists every command). */
export function needsHeavy(argv: readonly string[]): boolean {
  return argv.length === 0 || argv.some((a) => HEAVY.includes(a) || a === 'help' || a === '--help' || a === '-h');
}

/**
 * Builds the `fulcrum` program; commands write through `io` and report their exit code via `setExit`.
 * `heavy` adds `serve` and `report` (whose imports cost most of a second at start-up).
 */
export async function buildProgram(io: Io, setExit: (code: number) => void, heavy = true): Promise<Command> {
  const program = new Command('fulcrum');
  program
    .description('Forecast how contests among many stakeholders settle, and explain why.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .addHelpText(
      'after',
      `\nBuilt-in scenarios: ${builtinNames().map((n) => 'builtin:' + n).join(', ')}\nExamples:\n  fulcrum run                                  forecast the built-in Iraq 2024 case with every engine\n  fulcrum run builtin:iraq-2024 --engine compromise --format json\n  fulcrum check builtin:iraq-2024 --sources ../shared/sources\n`,
    );
  registerRun(program, io, setExit);
  registerCheck(program, io, setExit);
  registerExport(program, io, setExit);
  registerMc(program, io, setExit);
  registerWhatIf(program, io, setExit);
  registerInfluence(program, io, setExit);
  registerRuns(program, io, setExit);
  registerEngines(program, io, setExit);
  if (heavy) {
    const [{ registerServe }, { registerReport }] = await Promise.all([import('./serveCommand.js'), import('./reportCommand.js')]);
    registerServe(program, io, setExit);
    registerReport(program, io, setExit);
  }
  for (const c of program.commands.flatMap((x) => [x, ...x.commands])) c.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  return program;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code (0 ok, 1 internal, 2 bad input). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code = EXIT_OK;
  try {
    const program = await buildProgram(io, (c) => (code = c), needsHeavy(argv));
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
      return EXIT_INPUT;
    }
    if (e instanceof InputError) return reportIssues(io, e.issues);
    io.err(`internal error: ${(e as Error)?.message ?? String(e)}\n`);
    if (process.env.FULCRUM_DEBUG) io.err(`${(e as Error)?.stack ?? ''}\n`);
    return EXIT_INTERNAL;
  }
}
