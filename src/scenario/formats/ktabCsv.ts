import type { Scenario } from '../types.js';
import { fail, type Result } from '../issues.js';

/** Reads a KTAB SMP CSV scenario (smp.md §4). Placeholder until the SMP issue lands. */
export function parseKtabCsv(_text: string, file: string): Result<Scenario> {
  return fail([{ file, message: 'KTAB CSV scenarios are not supported yet' }]);
}
