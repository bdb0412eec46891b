import type { Scenario } from '../scenario/types.js';
import type { EngineOptions } from '../engines/types.js';
import { engines } from '../engines/index.js';
import { pointForecast } from '../engines/pointForecast.js';
import { createSampler, type NoiseOptions, type Sampler } from './sampler.js';
import { rngFor } from './rng.js';
import { addForecast, emptyTally, type Tally } from './aggregate.js';

/** One block of Monte Carlo runs, as sent to a worker. */
export interface ChunkTask {
  scenario: Scenario;
  engine: string;
  options: EngineOptions;
  noise: NoiseOptions;
  seed: number;
  /** Runs [start, end): run k draws from random stream k of the seed. */
  start: number;
  end: number;
}

/** What a block shares with every other block of the same Monte Carlo run (sent once to each worker). */
export type ChunkSetup = Omit<ChunkTask, 'start' | 'end'>;

let cached: { setup: ChunkSetup; sampler: Sampler } | undefined;

/** Runs a block of Monte Carlo samples and returns its streaming tally (pure; used in-process and in workers). */
export function runChunk(t: ChunkTask): Tally {
  const engine = engines[t.engine];
  if (cached?.setup.scenario !== t.scenario || cached.setup.noise !== t.noise) {
    cached = { setup: t, sampler: createSampler(t.scenario, t.noise) };
  }
  const sampler = cached.sampler;
  const p = emptyTally(t.scenario.dimensions.length);
  for (let k = t.start; k < t.end; k++) {
    const model = sampler.sample(rngFor(t.seed, k));
    const r = engine.run(model, t.options, undefined, 'forecast');
    addForecast(p, pointForecast(r), t.scenario.dimensions);
  }
  return p;
}
