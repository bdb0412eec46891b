/** Types of a validated scenario: plain objects, produced by the loaders in this folder (see docs/scenario-format.md). */

/** How strongly an evidence item supports the number it is attached to. */
export type Confidence = 'low' | 'medium' | 'high';

/** One piece of evidence behind a number: a short quote from a source, or an explicit analyst judgement. */
export interface Evidence {
  /** Id of an entry in `Scenario.sources` (required with `quote`). */
  source?: string;
  /** A short verbatim quote (a few words to one sentence) from the source. */
  quote?: string;
  /** Analyst-judgement note with its reasoning, where no quote supports the number directly. */
  judgement?: string;
  /** What the evidence supports, in words. */
  supports?: string;
  confidence?: Confidence;
}

/** A number with optional uncertainty (`low`/`high` bounds or a standard deviation `sd`) and its evidence. */
export interface UncertainNumber {
  value: number;
  low?: number;
  high?: number;
  sd?: number;
  evidence: Evidence[];
}

export interface Source {
  id: string;
  title: string;
  author?: string;
  publisher?: string;
  date?: string;
  url?: string;
  /** File name of the source text, looked up in the `--sources` directory by `fulcrum check`. */
  file?: string;
}

/** A labelled point of a dimension's scale, e.g. `{value: 0, label: "immediate full exit"}`. */
export interface ScalePoint {
  value: number;
  label: string;
}

/** A named interval of a scale; Monte Carlo reports the probability that the forecast falls in it. */
export interface ScaleBand {
  id: string;
  label: string;
  from: number;
  to: number;
}

export interface Scale {
  min: number;
  max: number;
  /** What the low end means, in words. */
  minLabel: string;
  /** What the high end means, in words. */
  maxLabel: string;
  /** Labelled points in ascending order of value (always include both ends). */
  points: ScalePoint[];
  bands: ScaleBand[];
}

export interface Dimension {
  id: string;
  title: string;
  description?: string;
  scale: Scale;
}

export interface Actor {
  id: string;
  name: string;
  description?: string;
  capability: UncertainNumber;
  /** Position per dimension id, on that dimension's scale. */
  position: Record<string, UncertainNumber>;
  /** Salience per dimension id, in [0, 1]. */
  salience: Record<string, UncertainNumber>;
}

/** The attribute of an actor a change or a sensitivity run addresses. */
export type ActorField = 'capability' | 'position' | 'salience';

/** One change a shock makes to the base case. */
export type Change =
  | { kind: 'set'; actor: string; field: ActorField; dimension?: string; op: 'set' | 'add' | 'scale'; value: number }
  | { kind: 'remove'; actor: string }
  | { kind: 'add'; actor: Actor };

export interface Shock {
  id: string;
  title: string;
  description?: string;
  /** ISO date (YYYY-MM or YYYY-MM-DD) when the event happens, for replaying shocks in order. */
  date?: string;
  evidence: Evidence[];
  changes: Change[];
}

/** Model settings a KTAB XML file carries (parameters by KTAB's names, accommodation matrix). */
export interface SmpSettings {
  params?: Record<string, string>;
  /** Row-major N×N ideal-adjustment matrix; identity when absent. */
  accommodation?: number[][];
  seed?: string;
}

export type ScenarioFormat = 'yaml' | 'json' | 'actor-csv' | 'ktab-csv' | 'ktab-xml';

export interface Scenario {
  name: string;
  title: string;
  description?: string;
  /** When the picture holds (ISO date or month). */
  date?: string;
  sources: Source[];
  dimensions: Dimension[];
  actors: Actor[];
  shocks: Shock[];
  /** The format the scenario was read from. */
  format: ScenarioFormat;
  smp?: SmpSettings;
}
