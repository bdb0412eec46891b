import type { Engine } from './types.js';
import { compromise } from './compromise.js';
import { median } from './median.js';
import { smp } from './smp/smp.js';
import { eum } from './eum/eum.js';

/** The engine registry: name → engine. New engines join here. */
export const engines: Record<string, Engine> = {
  compromise,
  median,
  eum,
  smp,
};

/** Engine names in the order `--engine all` runs them. */
export const engineNames = (): string[] => Object.keys(engines);
