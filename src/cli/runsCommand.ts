import { existsSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { RunStore, defaultDbPath } from '../store/runStore.js';
import { EXIT_OK, reportIssues } from './exitCodes.js';
import type { Io } from './io.js';
import { textTable } from './renderRunTable.js';
import { systemErrorText } from '../scenario/systemError.js';

interface RunsFlags {
  db?: string;
  limit?: string;
  out?: string;
}

function withStore<T>(io: Io, flags: RunsFlags, f: (s: RunStore) => T, listing = false): T | number {
  const path = flags.db ?? defaultDbPath();
  if (path.trim() === '') return reportIssues(io, [{ path: '--db', message: 'needs a file path' }]);
  // Reading never creates a store: a path with no file has no runs.
  if (!existsSync(path)) {
    if (listing) {
      io.out(`no runs saved in ${path}\n`);
      return EXIT_OK;
    }
    return reportIssues(io, [{ file: path, message: 'no run store here (nothing has been saved to it yet)' }]);
  }
  const r = RunStore.open(path);
  if (!r.ok) return reportIssues(io, r.issues);
  try {
    return f(r.value);
  } finally {
    r.value.close();
  }
}

function parseId(io: Io, id: string): number | undefined {
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1) {
    reportIssues(io, [{ path: 'ID', message: `must be a run id, a whole number above 0 (got "${id}")` }]);
    return undefined;
  }
  return n;
}

/** Registers `runs`, `runs show ID` and `runs export ID` on the program. */
export function registerRuns(program: Command, io: Io, setExit: (code: number) => void): void {
  const runs = program
    .command('runs')
    .description('list saved runs (newest first); `runs show ID`, `runs export ID`')
    .option('--db <path>', `run store (default ${defaultDbPath()})`)
    .option('--limit <n>', 'how many to list', '20')
    .action((flags: RunsFlags) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1) return setExit(reportIssues(io, [{ path: '--limit', message: `must be a whole number above 0 (got "${flags.limit}")` }]));
      setExit(
        withStore(io, flags, (s) => {
          const rows = s.listRuns(limit);
          if (rows.length === 0) io.out(`no runs saved in ${s.path}\n`);
          else io.out(textTable(['ID', 'When (UTC)', 'Kind', 'Scenario', 'Engine', 'Seed'], rows.map((r) => [String(r.id), r.createdAt.replace('T', ' ').slice(0, 19), r.kind, r.scenarioName, r.engine, r.seed === null ? '' : String(r.seed)]), [true]));
          return EXIT_OK;
        }, true),
      );
    });
  const one = (name: 'show' | 'export') =>
    runs
      .command(name)
      .description(name === 'show' ? 'print one saved run' : 'write one saved run (scenario, options, results) as JSON')
      .argument('<id>', 'run id')
      .option('--db <path>', 'run store')
      .option('-o, --out <file>', 'write to a file (export)')
      .action((id: string, flags: RunsFlags) => {
        const n = parseId(io, id);
        if (n === undefined) return setExit(2);
        const merged = { ...runs.opts(), ...flags } as RunsFlags;
        setExit(
          withStore(io, merged, (s) => {
            const run = s.getRun(n);
            if (!run) return reportIssues(io, [{ path: 'ID', message: `no run ${n} in ${s.path}` }]);
            if (name === 'show') {
              io.out(`run ${run.id}: ${run.kind} of ${run.scenarioName} with ${run.engine}, ${run.createdAt}, fulcrum ${run.version}\n`);
              io.out(`scenario sha256 ${run.scenarioHash}\noptions ${JSON.stringify(run.options)}\ntimings ${JSON.stringify(run.timings)}\n`);
              io.out(JSON.stringify(run.result, null, 2) + '\n');
              return EXIT_OK;
            }
            const text = JSON.stringify(run, null, 2) + '\n';
            if (!flags.out) io.out(text);
            else
              try {
                writeFileSync(flags.out, text);
                io.err(`wrote ${flags.out}\n`);
              } catch (e) {
                return reportIssues(io, [{ file: flags.out, message: `cannot write: ${systemErrorText(e)}` }]);
              }
            return EXIT_OK;
          }),
        );
      });
  one('show');
  one('export');
}
