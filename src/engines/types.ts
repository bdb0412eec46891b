import type { Model } from './model.js';
import type { Rng } from '../analysis/rng.js';

/** Value types an engine option can take on the command line (`--set key=value`). */
export type OptionSpec =
  | { name: string; type: 'number'; default: number; min?: number; max?: number; integer?: boolean; doc: string }
  | { name: string; type: 'enum'; default: string; values: readonly string[]; doc: string }
  | { name: string; type: 'boolean'; default: boolean; doc: string }
  /** A number that may be absent (default `null`), e.g. a fixed horizon `rounds`. */
  | { name: string; type: 'optional-number'; default: null; min?: number; max?: number; integer?: boolean; doc: string };

export type OptionValue = number | string | boolean | null;
export type EngineOptions = Record<string, OptionValue>;

/** One round (or turn) of a run: every actor's position per dimension, plus engine-specific extras. */
export interface Round {
  positions: number[][];
  [extra: string]: unknown;
}

/** What every engine returns; serialised as the `fulcrum run --format json` contract (DESIGN.md). */
export interface RunResult {
  engine: string;
  /** Every effective option, defaults included. */
  options: EngineOptions;
  /** `rounds[0]` is the input state. */
  rounds: Round[];
  forecast: { position: number[]; [extra: string]: unknown };
  stop: { reason: string; rounds: number; [extra: string]: unknown };
  /** Non-fatal notes (e.g. saliences rescaled), shown to the user. */
  warnings?: string[];
}

/** How much of a run an engine reports (see `Engine.run`). */
export type RunDetail = 'full' | 'forecast';

/** An engine: a pure function of a compiled model, its options and (if stochastic) a random source. */
export interface Engine {
  name: string;
  title: string;
  /** One line naming the model and its source. */
  description: string;
  options: readonly OptionSpec[];
  /**
   * Option presets: setting `key` to `value` also sets the listed options unless the user set them
   * explicitly (e.g. EUM `variant=scholz`).
   */
  presets?: Record<string, Record<string, EngineOptions>>;
  /**
   * Runs the model. `detail` is `full` (default: every round with its extras and events) or `forecast`
   * (Monte Carlo and other sweeps: the engine may return only the final round and skip explanations; the
   * forecast and stop are the same).
   */
  run(model: Model, options: EngineOptions, rng?: Rng, detail?: RunDetail): RunResult;
}
