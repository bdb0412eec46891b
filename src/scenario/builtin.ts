import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Directory of the built-in scenarios shipped with the package (`scenarios/` at the package root). */
export const builtinDir = (): string => fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** Names of the built-in scenarios (`builtin:NAME`). */
export function builtinNames(): string[] {
  try {
    return readdirSync(builtinDir())
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -5))
      .sort();
  } catch {
    return [];
  }
}

/** The default scenario of `fulcrum run`. */
export const DEFAULT_SCENARIO = 'builtin:iraq-2024';
