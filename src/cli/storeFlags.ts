import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { RunStore, defaultDbPath, type RunRecord } from '../store/runStore.js';
import { toNative } from '../scenario/toNative.js';
import type { Scenario } from '../scenario/types.js';
import type { Result } from '../scenario/issues.js';
import { fail, ok } from '../scenario/issues.js';
import type { Io } from './io.js';
import { VERSION } from './version.js';

export interface StoreFlags {
  save?: boolean;
  db?: string;
}

/** Adds `--db PATH` and `--no-save` to a command that saves its runs. */
export function withStoreFlags(c: Command): Command {
  return c.option('--db <path>', `run store (SQLite; default ${defaultDbPath()})`).option('--no-save', 'do not save this run in the store');
}

/** Opens the store a command saves to (undefined with --no-save), before any work is done. */
export function openStoreFor(flags: StoreFlags): Result<RunStore | undefined> {
  if (flags.save === false) return ok(undefined);
  if (flags.db !== undefined && flags.db.trim() === '') return fail([{ path: '--db', message: 'needs a file path (or use --no-save)' }]);
  // An explicit --db must name a file in an existing directory: a typo should not create a new directory tree.
  if (flags.db !== undefined && !existsSync(dirname(resolve(flags.db)))) return fail([{ path: '--db', message: `no such directory: ${dirname(flags.db)}` }]);
  return RunStore.open(flags.db ?? defaultDbPath());
}

type RunRecordIn = Omit<RunRecord, 'scenarioName' | 'scenario' | 'version'>;

/** Quotes a path for the shell when it needs it. */
const shellQuote = (p: string) => (/^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`);

/** Saves runs (one per engine) and tells the user their ids on stderr, in one line. */
export function saveRuns(io: Io, store: RunStore | undefined, s: Scenario, recs: RunRecordIn[]): void {
  if (!store || recs.length === 0) return;
  const scenario = toNative(s);
  const ids = recs.map((rec) => store.saveRun({ ...rec, scenarioName: s.name, scenario, version: VERSION }));
  const db = store.path === defaultDbPath() ? '' : ` --db ${shellQuote(store.path)}`;
  const which = ids.length === 1 ? `run ${ids[0]}` : `runs ${ids[0]}–${ids[ids.length - 1]}`;
  io.err(`saved as ${which} (fulcrum runs show ${ids[0]}${db})\n`);
}

/** Saves one run and tells the user its id on stderr. */
export function saveRun(io: Io, store: RunStore | undefined, s: Scenario, rec: RunRecordIn): void {
  saveRuns(io, store, s, [rec]);
}
