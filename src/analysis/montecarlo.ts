import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../scenario/types.js';
import type { EngineOptions } from '../engines/types.js';
import { selectEngines } from '../engines/select.js';
import { fail, ok, type Issue, type Result } from '../scenario/issues.js';
import { DEFAULT_NOISE, type NoiseOptions } from './sampler.js';
import { emptyTally, mergeTally, summarise, type DimensionSummary, type Tally } from './aggregate.js';
import { runChunk, type ChunkTask } from './mcChunk.js';

/** Largest default noise accepted: a position sd of the whole scale, a salience sd of 1, a capability sd of 10× its value. */
const NOISE_MAX: NoiseOptions = { position: 1, salience: 1, capability: 10 };

/** Runs per block; fixed so that results do not depend on the number of workers. */
export const CHUNK = 100;

export interface MonteCarloOptions {
  engine: string;
  /** Engine options as `key=value` strings (`--set`). */
  options?: Record<string, string>;
  runs: number;
  seed: number;
  /** Worker threads; 1 runs in this thread. Default 1. */
  workers?: number;
  noise?: Partial<NoiseOptions> | NoiseOptions | Record<string, number>;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface MonteCarloSummary {
  engine: string;
  options: EngineOptions;
  runs: number;
  completed: number;
  interrupted: boolean;
  seed: number;
  noise: NoiseOptions;
  dimensions: DimensionSummary[];
}

/** The compiled worker script (built by `npm run build`); the same path from src/ and dist/. */
export const workerFile = (): string => fileURLToPath(new URL('../../dist/analysis/mcWorker.js', import.meta.url));

/** Checks Monte Carlo options; problems are issues (runs ≤ 0, bad seed, unknown engine or option). */
export function checkMonteCarlo(o: MonteCarloOptions): Result<{ options: EngineOptions; noise: NoiseOptions }> {
  const issues: Issue[] = [];
  if (!Number.isInteger(o.runs) || o.runs <= 0) issues.push({ path: '--runs', message: `must be a whole number above 0 (got ${o.runs})` });
  else if (o.runs > 10_000_000) issues.push({ path: '--runs', message: `at most 10,000,000 (got ${o.runs})` });
  if (!Number.isSafeInteger(o.seed) || o.seed < 0) issues.push({ path: '--seed', message: `must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (got ${o.seed})` });
  const w = o.workers ?? 1;
  if (!Number.isInteger(w) || w < 1 || w > 64) issues.push({ path: '--workers', message: `must be a whole number from 1 to 64 (got ${w})` });
  if (o.engine === 'all' || o.engine.includes(',')) issues.push({ path: '--engine', message: 'Monte Carlo runs one engine at a time' });
  const noise: NoiseOptions = { ...DEFAULT_NOISE };
  for (const [k, v] of Object.entries(o.noise ?? {})) {
    if (!(k in DEFAULT_NOISE)) issues.push({ path: `--noise ${k}`, message: `unknown noise setting; use position, salience or capability` });
    else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > NOISE_MAX[k as keyof NoiseOptions])
      issues.push({ path: `--noise ${k}`, message: `must be a number from 0 to ${NOISE_MAX[k as keyof NoiseOptions]} (got ${v})` });
    else noise[k as keyof NoiseOptions] = v;
  }
  const chosen = issues.some((i) => i.path === '--engine') ? undefined : selectEngines(o.engine, o.options ?? {});
  if (chosen && !chosen.ok) issues.push(...chosen.issues);
  if (issues.length || !chosen || !chosen.ok) return fail(issues);
  return ok({ options: chosen.value[0].options, noise });
}

/**
 * Monte Carlo over input uncertainty: run k samples every uncertain number from random stream k of the
 * seed, runs the engine, and adds the forecast to a streaming summary (mean, sd, percentiles, histogram,
 * band probabilities). Blocks of CHUNK runs go to a worker-thread pool; their partials merge in block order, so
 * the summary is identical for any number of workers. An abort stops after the blocks in flight and reports
 * the completed runs.
 */
export async function runMonteCarlo(s: Scenario, o: MonteCarloOptions): Promise<Result<MonteCarloSummary>> {
  const checked = checkMonteCarlo(o);
  if (!checked.ok) return checked;
  const { options, noise } = checked.value;
  const blocks: ChunkTask[] = [];
  for (let start = 0; start < o.runs; start += CHUNK)
    blocks.push({ scenario: s, engine: o.engine, options, noise, seed: o.seed, start, end: Math.min(o.runs, start + CHUNK) });
  const partials: (Tally | undefined)[] = new Array(blocks.length);
  let done = 0;
  const finished = (i: number, p: Tally) => {
    partials[i] = p;
    done += blocks[i].end - blocks[i].start;
    o.onProgress?.(done, o.runs);
  };
  const workers = o.workers ?? 1;
  if (workers <= 1 || blocks.length === 1 || !existsSync(workerFile())) {
    for (let i = 0; i < blocks.length; i++) {
      if (o.signal?.aborted) break;
      finished(i, runChunk(blocks[i]));
      // Let signals (Ctrl-C) and progress output through between blocks.
      if (i % 10 === 9) await new Promise((r) => setImmediate(r));
    }
  } else {
    const setup = { scenario: s, engine: o.engine, options, noise, seed: o.seed };
    const { Piscina } = await import('piscina');
    const pool = new Piscina({ filename: workerFile(), minThreads: workers, maxThreads: workers, idleTimeout: 1000, workerData: setup });
    try {
      // Keep a bounded number of blocks in flight so an abort stops promptly.
      let next = 0;
      const inFlight = new Set<Promise<void>>();
      while (next < blocks.length && !o.signal?.aborted) {
        while (inFlight.size < workers * 2 && next < blocks.length) {
          const i = next++;
          const pr: Promise<void> = pool.run({ start: blocks[i].start, end: blocks[i].end }).then((p: Tally) => {
            if (!o.signal?.aborted) finished(i, p);
            inFlight.delete(pr);
          });
          inFlight.add(pr);
        }
        await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    } finally {
      await pool.destroy();
    }
  }
  const total = emptyTally(s.dimensions.length);
  for (const p of partials) if (p) mergeTally(total, p);
  return ok({
    engine: o.engine,
    options,
    runs: o.runs,
    completed: total.count,
    interrupted: total.count < o.runs,
    seed: o.seed,
    noise,
    dimensions: summarise(total, s.dimensions),
  });
}
