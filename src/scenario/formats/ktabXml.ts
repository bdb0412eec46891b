import type { Scenario } from '../types.js';
import { fail, type Result } from '../issues.js';

/** Reads a KTAB SMP XML scenario (smp.md §4). Placeholder until the SMP issue lands. */
export function parseKtabXml(_text: string, file: string): Result<Scenario> {
  return fail([{ file, message: 'KTAB XML scenarios are not supported yet' }]);
}
