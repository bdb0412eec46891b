import type { Command } from 'commander';
import { engines } from '../engines/index.js';
import type { OptionSpec } from '../engines/types.js';
import { EXIT_OK, reportIssues } from './exitCodes.js';
import type { Io } from './io.js';

function values(o: OptionSpec): string {
  switch (o.type) {
    case 'enum':
      return o.values.join('|');
    case 'boolean':
      return 'true|false';
    case 'number':
      return `${o.integer ? 'integer' : 'number'}${o.min !== undefined ? ` ≥ ${o.min}` : ''}${o.max !== undefined ? ` ≤ ${o.max}` : ''}`;
    case 'optional-number':
      return `${o.integer ? 'integer' : 'number'}${o.min !== undefined ? ` ≥ ${o.min}` : ''} or none`;
  }
}

/** `fulcrum engines [NAME]`: the engines, and each one's options with values and defaults (for `--set`). */
export function enginesCommand(io: Io, name?: string): number {
  const chosen = name ? [name] : Object.keys(engines);
  const unknown = chosen.filter((n) => !engines[n]);
  if (unknown.length) return reportIssues(io, [{ path: 'NAME', message: `unknown engine "${unknown[0]}"; choose one of ${Object.keys(engines).join(', ')}` }]);
  for (const n of chosen) {
    const e = engines[n];
    io.out(`${e.name} — ${e.title}\n  ${e.description}\n`);
    if (e.options.length === 0) io.out('  no options\n');
    for (const o of e.options) io.out(`  --set ${o.name}=${values(o)}  (default ${o.default === null ? 'none' : String(o.default)})\n      ${o.doc}\n`);
    for (const [key, table] of Object.entries(e.presets ?? {}))
      for (const [v, set] of Object.entries(table)) io.out(`  preset ${key}=${v} sets ${Object.entries(set).map(([k, x]) => `${k}=${String(x)}`).join(', ')}\n`);
    io.out('\n');
  }
  return EXIT_OK;
}

/** Registers `engines` on the program. */
export function registerEngines(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('engines')
    .description('list the engines and their options (values and defaults for --set)')
    .argument('[name]', 'one engine')
    .action((name?: string) => setExit(enginesCommand(io, name)));
}
