import type { Scenario } from '../types.js';
import { fail, type Result } from '../issues.js';

/** Writes a scenario as a KTAB SMP CSV file (smp.md §4). Placeholder until the SMP issue lands. */
export function exportKtabCsv(_s: Scenario): Result<string> {
  return fail([{ message: 'KTAB CSV export is not supported yet' }]);
}
