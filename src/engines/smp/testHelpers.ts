import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadScenario } from '../../scenario/load.js';
import { compileModel, type Model } from '../model.js';
import { resolveOptions } from '../options.js';
import type { EngineOptions, RunResult } from '../types.js';
import { smp } from './smp.js';

/** Folder of the KTAB reference data copied for tests (see its README.md for sources). */
export const KTAB_FIXTURES = fileURLToPath(new URL('../../../test/fixtures/ktab/', import.meta.url));

/** Loads and compiles a scenario file; throws with the issues if it does not load (tests only). */
export function loadModel(path: string): Model {
  const r = loadScenario(path);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.file}:${i.line ?? ''} ${i.message}`).join('\n'));
  return compileModel(r.value);
}

/** Resolves `key=value` settings for the smp engine (defaults filled in). */
export function smpOptionsFor(set: Record<string, string> = {}): EngineOptions {
  const r = resolveOptions(smp, set);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.value;
}

/** Runs the smp engine on a scenario file with optional settings. */
export function runFile(path: string, set: Record<string, string> = {}): RunResult {
  return smp.run(loadModel(path), smpOptionsFor(set));
}

/** Reads a CSV file with a header into rows of strings keyed by column. */
export function readCsv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((l) => {
    const cells = l.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** The KTAB run folders in the fixtures. */
export function ktabRuns(): string[] {
  return readdirSync(join(KTAB_FIXTURES, 'runs')).sort();
}
