import type { Command } from 'commander';
import { RunStore, defaultDbPath, type RunRecord } from '../store/runStore.js';
import { toNative } from '../scenario/toNative.js';
import type { Scenario } from '../scenario/types.js';
import type { Result } from '../scenario/issues.js';
import { ok } from '../scenario/issues.js';
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
  return RunStore.open(flags.db ?? defaultDbPath());
}

/** Saves one run and tells the user its id on stderr. */
export function saveRun(io: Io, store: RunStore | undefined, s: Scenario, rec: Omit<RunRecord, 'scenarioName' | 'scenario' | 'version'>): void {
  if (!store) return;
  const id = store.saveRun({ ...rec, scenarioName: s.name, scenario: toNative(s), version: VERSION });
  io.err(`saved as run ${id} (fulcrum runs show ${id}${store.path === defaultDbPath() ? '' : ` --db ${store.path}`})\n`);
}
