import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { loadScenario } from '../scenario/load.js';
import { checkQuotes, listEvidence } from '../scenario/evidence.js';
import { formatPath, type Issue } from '../scenario/issues.js';
import { EXIT_OK, reportIssues, reportWarnings } from './exitCodes.js';
import type { Io } from './io.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `fulcrum check SCENARIO [--sources DIR]`: validate, and verify every evidence quote against its source text. */
export async function checkCommand(io: Io, ref: string, flags: { sources?: string }): Promise<number> {
  const loaded = loadScenario(ref);
  if (!loaded.ok) return reportIssues(io, loaded.issues);
  reportWarnings(io, loaded.warnings);
  const s = loaded.value;
  const evidence = listEvidence(s);
  const quotes = evidence.filter((e) => e.evidence.quote !== undefined).length;
  const judgements = evidence.filter((e) => e.evidence.judgement !== undefined).length;
  io.out(`${ref}: valid — ${plural(s.actors.length, 'actor')}, ${plural(s.dimensions.length, 'dimension')}, ${plural(s.shocks.length, 'shock')}, ${plural(evidence.length, 'evidence item')} (${quotes} quotes, ${judgements} analyst judgements)\n`);
  if (!flags.sources) {
    if (quotes) io.out(`quotes not checked: give --sources DIR with the source texts to verify them\n`);
    return EXIT_OK;
  }
  if (!existsSync(flags.sources) || !statSync(flags.sources).isDirectory())
    return reportIssues(io, [{ path: '--sources', message: `no such directory: ${flags.sources}` }]);
  const res = checkQuotes(s, flags.sources);
  const file = ref;
  const issues: Issue[] = res.issues.map((x) => {
    const i: Issue = { file, path: formatPath(x.path), message: x.message };
    const line = loaded.locate?.(x.path);
    if (line !== undefined) i.line = line;
    return i;
  });
  if (issues.length) {
    io.out(`${res.verified} of ${quotes} quotes verified\n`);
    return reportIssues(io, issues);
  }
  io.out(`${res.verified} of ${quotes} quotes verified against their sources${res.unchecked ? ` (${res.unchecked} cite sources without a text file)` : ''}\n`);
  return EXIT_OK;
}

/** Registers `check` on the program. */
export function registerCheck(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('validate a scenario and verify its evidence quotes against the source texts')
    .argument('<scenario>', 'scenario file or builtin:NAME')
    .option('--sources <dir>', 'directory holding the source texts named by `sources[].file`')
    .action(async (scenario: string, flags: { sources?: string }) => setExit(await checkCommand(io, scenario, flags)));
}
