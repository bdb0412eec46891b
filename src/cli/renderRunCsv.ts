import type { RunResult } from '../engines/types.js';
import type { Scenario } from '../scenario/types.js';

const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Long-format CSV of runs: `engine,round,actor,dimension,position`, one row per actor, dimension and round,
 * then the forecast rows with round `forecast` and an empty actor.
 */
export function renderRunCsv(s: Scenario, results: RunResult[]): string {
  const lines = ['engine,round,actor,dimension,position'];
  for (const r of results) {
    r.rounds.forEach((round, t) =>
      round.positions.forEach((row, i) => row.forEach((x, k) => lines.push([r.engine, t, q(s.actors[i].id), q(s.dimensions[k].id), x].join(',')))),
    );
    r.forecast.position.forEach((x, k) => lines.push([r.engine, 'forecast', '', q(s.dimensions[k].id), x].join(',')));
  }
  return lines.join('\n') + '\n';
}
