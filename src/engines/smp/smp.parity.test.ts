import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KTAB_FIXTURES, ktabRuns, readCsv, runFile } from './testHelpers.js';

/**
 * Position parity with KTAB's `smpc` (Deterministic, KTAB defaults) on every run folder in test/fixtures/ktab/runs
 * (copied from ../shared/reference/ktab/runs; see the README there): same number of turns, every position of every
 * actor at every turn within 0.01 on the 0–100 scale, the stop ratios (printed to 4 decimals) and the displayed win
 * probabilities (4 decimals) to their printed precision.
 */
describe('smp reproduces KTAB smpc runs', () => {
  for (const label of ktabRuns()) {
    it(`matches KTAB smpc on ${label}`, () => {
      const dir = join(KTAB_FIXTURES, 'runs', label);
      const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
      const res = runFile(join(KTAB_FIXTURES, 'scenarios', run.input));
      expect(res.rounds.length - 1).toBe(run.turns);
      expect(res.stop.rounds).toBe(run.turns);
      let worst = 0;
      for (const row of readCsv(join(dir, 'positions_by_turn.csv'))) {
        const ours = res.rounds[+row.turn].positions[+row.actor_index][+row.dim_index];
        worst = Math.max(worst, Math.abs(ours - Number(row.position_0_100)));
      }
      expect(worst).toBeLessThanOrEqual(0.01);
      const ratios = res.stop.ratios as number[];
      expect(ratios.length).toBe(run.stop_ratios.length);
      ratios.forEach((r, t) => expect(Math.abs(r - run.stop_ratios[t])).toBeLessThanOrEqual(5.1e-5));
      for (const [a, row] of readCsv(join(dir, 'position_win_prob_by_turn.csv')).entries()) {
        for (let t = 0; t <= run.turns; t++) {
          const ours = (res.rounds[t].winProbability as number[])[a];
          expect(Math.abs(ours - Number(row[`t${t}`]))).toBeLessThanOrEqual(5.1e-5);
        }
      }
      const finals = readCsv(join(dir, 'final_positions.csv'));
      const final = res.forecast.positions as number[][];
      const d = final[0].length;
      finals.forEach((row, idx) => expect(Math.abs(final[+row.actor_index][idx % d] - Number(row.final_0_100))).toBeLessThanOrEqual(0.01));
    });
  }
});
