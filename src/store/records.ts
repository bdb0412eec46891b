/** The records of the run store (pure types, shared with the web client). */

/** What is saved for one run of `run`, `mc` or `whatif`. */
export interface RunRecord {
  kind: 'run' | 'mc' | 'whatif' | string;
  scenarioName: string;
  /** The scenario's content (native form); its SHA-256 is stored beside it. */
  scenario: unknown;
  engine: string;
  options: unknown;
  seed?: number | null;
  result: unknown;
  timings: Record<string, number>;
  version: string;
}

export interface StoredRunSummary {
  id: number;
  createdAt: string;
  kind: string;
  scenarioName: string;
  scenarioHash: string;
  engine: string;
  seed: number | null;
  version: string;
}

export interface StoredRun extends StoredRunSummary {
  scenario: unknown;
  options: unknown;
  result: unknown;
  timings: Record<string, number>;
}
