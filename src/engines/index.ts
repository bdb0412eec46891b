import type { Engine } from './types.js';
import { compromise } from './compromise.js';
import { median } from './median.js';

/** The engine registry: name → engine. New engines join here. */
export const engines: Record<string, Engine> = {
  compromise,
  median,
};

/** Engine names in the order `--engine all` runs them. */
export const engineNames = (): string[] => Object.keys(engines);
