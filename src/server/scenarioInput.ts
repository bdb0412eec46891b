/**
 * How an API request names its scenario: exactly one of a built-in by name, a saved scenario by name (and
 * version), a native scenario object, or scenario text (YAML, JSON, CSV or KTAB XML). Everything is validated by
 * the loaders the command line uses (src/scenario/load.ts); no path ever comes from the client.
 */
import { z } from 'zod';
import { loadScenario, parseScenarioText } from '../scenario/load.js';
import { parseNative } from '../scenario/formats/yaml.js';
import { builtinNames } from '../scenario/builtin.js';
import { fail, type Result } from '../scenario/issues.js';
import type { Scenario } from '../scenario/types.js';

/** The scenario part of a request body. */
export const scenarioInputShape = {
  builtin: z.string().max(200).optional(),
  saved: z.strictObject({ name: z.string().min(1).max(200), version: z.number().int().positive().optional() }).optional(),
  scenario: z.record(z.string(), z.unknown()).optional(),
  text: z.string().optional(),
  format: z.enum(['yaml', 'json', 'csv', 'xml']).optional(),
};

export type ScenarioInput = {
  builtin?: string;
  saved?: { name: string; version?: number };
  scenario?: Record<string, unknown>;
  text?: string;
  format?: 'yaml' | 'json' | 'csv' | 'xml';
};

/** What the server needs from the store to resolve saved scenarios. */
export interface ScenarioSource {
  getScenario(name: string, version?: number): unknown;
}

/** Label used as the "file" of issues about a native object sent in a request. */
export const BODY_FILE = 'scenario';

/** Validates a native scenario object with the one schema (as JSON text, so issues carry paths and lines). */
export function parseNativeObject(obj: unknown, label = BODY_FILE): Result<Scenario> {
  return parseNative(JSON.stringify(obj, null, 2), label, 'json');
}

/** Resolves and validates the scenario a request names. */
export function resolveScenario(input: ScenarioInput, store: ScenarioSource | undefined): Result<Scenario> {
  const given = (['builtin', 'saved', 'scenario', 'text'] as const).filter((k) => input[k] !== undefined);
  if (given.length !== 1)
    return fail([{ path: given.length ? given.join(', ') : 'scenario', message: 'give exactly one of builtin, saved, scenario (a native object) or text' }]);
  if (input.builtin !== undefined) {
    if (!builtinNames().includes(input.builtin))
      return fail([{ path: 'builtin', message: `no built-in scenario "${input.builtin}"; built-ins: ${builtinNames().join(', ')}` }]);
    return loadScenario(`builtin:${input.builtin}`);
  }
  if (input.saved !== undefined) {
    const native = store?.getScenario(input.saved.name, input.saved.version);
    if (!native)
      return fail([{ path: 'saved', message: `no saved scenario "${input.saved.name}"${input.saved.version ? ` version ${input.saved.version}` : ''}` }]);
    return parseNativeObject(native, `saved:${input.saved.name}`);
  }
  if (input.scenario !== undefined) return parseNativeObject(input.scenario);
  return parseScenarioText(input.text!, `${BODY_FILE}.${input.format ?? 'yaml'}`);
}
