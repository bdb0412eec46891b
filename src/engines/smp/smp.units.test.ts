import { describe, expect, it } from 'vitest';
import { vote } from './vote.js';
import { victoryProbability } from './victoryProbability.js';
import { condorcetPce } from './pce.js';
import { PceWorkspace, scalarPce } from './scalarPce.js';
import { riskAttitudes, estimatedRisk } from './riskAttitudes.js';
import { riskUtility, salienceDistance } from './utility.js';
import { interpolateBargain, round4 } from './bargain.js';
import { challengeGains, probEduChlg, CHLG_GAIN, CHLG_PROB } from './probEduChlg.js';
import { rngFor } from '../../analysis/rng.js';

describe('smp building blocks (formulas of smp.md §3)', () => {
  it('utility: linear at R=0, 1-d² at R=1, (1-d)² at R=-1', () => {
    expect(riskUtility(0.3, 0)).toBeCloseTo(0.7, 15);
    expect(riskUtility(0.3, 1)).toBeCloseTo(1 - 0.09, 15);
    expect(riskUtility(0.3, -1)).toBeCloseTo(0.49, 15);
  });

  it('distance is salience-weighted and normalised', () => {
    const d = salienceDistance([0.2, 0.8], [0.5, 0], 0, [0.6, 0.1], 0, 2);
    expect(d).toBeCloseTo(0.4, 15); // only the salient dimension counts
  });

  it('votes by rule', () => {
    expect(vote(2, 2, 0.7, 0.2)).toBeCloseTo(1, 15); // Prop
    expect(vote(0, 2, 0.7, 0.2)).toBe(2); // Binary
    expect(vote(0, 2, 0.2, 0.2 + 5e-9)).toBeCloseTo(-1, 6); // clip(du/1e-8): half a tolerance, half a vote
    expect(vote(1, 2, 0.7, 0.2)).toBeCloseTo(2 * (0.8 * 0.5 + 0.2), 15); // PropBin
    expect(vote(3, 2, 0.7, 0.2)).toBeCloseTo(2 * (0.25 + 0.5 * 0.125), 15); // PropCbc
    expect(vote(4, 2, 0.7, 0.2)).toBeCloseTo(0.25, 15); // Cubic
    expect(vote(5, 3, 0.7, 0.2)).toBeCloseTo(1, 15); // ASymProsp gains count 2/3
    expect(vote(5, 3, 0.2, 0.7)).toBeCloseTo(-1.5, 15);
    expect(vote(5, 3, 0.2, 0.2)).toBe(0);
  });

  it('victory probabilities', () => {
    expect(victoryProbability(0, 3, 1)).toBeCloseTo(0.75, 15);
    expect(victoryProbability(1, 3, 1)).toBeCloseTo(0.9, 15);
    expect(victoryProbability(2, 3, 1)).toBeCloseTo(81 / 82, 15);
    expect(victoryProbability(3, 3, 1)).toBeCloseTo(6561 / 6562, 15);
    expect(victoryProbability(4, 1.2, 1)).toBeCloseTo(1 / (1 + 1e-6), 15);
    expect(victoryProbability(4, 1, 1.2)).toBeCloseTo(1e-6 / (1 + 1e-6), 15);
    expect(victoryProbability(4, 1, 1)).toBeCloseTo(0.5, 12);
  });

  it('PCE models give probability vectors; Conditional is the normalised product', () => {
    const rng = rngFor(3, 0);
    const m = 6;
    const ws = new PceWorkspace(m);
    const util = Float64Array.from({ length: 5 * m }, () => rng.uniform());
    const w = [1, 2, 3, 4, 5];
    for (const pcem of [0, 1, 2]) {
      for (const vpm of [0, 1, 2, 3, 4]) {
        const p = new Float64Array(m);
        scalarPce(ws, 5, m, w, util, 2, vpm, pcem, p);
        const s = p.reduce((a, b) => a + b, 0);
        expect(Math.abs(s - 1)).toBeLessThan(1e-8);
        for (const x of p) expect(x).toBeGreaterThanOrEqual(0);
      }
    }
    const vp = Float64Array.from([0.5, 0.8, 0.2, 0.5]);
    const p = new Float64Array(2);
    condorcetPce(0, 2, vp, new Float64Array(4), p, new Float64Array(8));
    expect(p[0]).toBeCloseTo(0.8, 15);
  });

  it('big R: the most likely position gets +1; ranges Min, Mid, Max', () => {
    const out = new Float64Array(3);
    riskAttitudes(0, [0.2, 0.5, 0.3], 3, out);
    expect(out[0]).toBe(0);
    expect(out[1]).toBe(1);
    expect(out[2]).toBeCloseTo(1 / 3, 15);
    riskAttitudes(1, [0.2, 0.5, 0.3], 3, out);
    expect(out[0]).toBeCloseTo(-0.5, 15);
    expect(out[1]).toBeCloseTo(1, 15);
    riskAttitudes(2, [0.2, 0.5, 0.3], 3, out);
    expect(out[0]).toBeCloseTo(-1, 15);
    expect(riskAttitudes(1, [0.5, 0.5], 2, out)).toBe(false);
    expect(estimatedRisk(1, 1, -0.5)).toBeCloseTo(0.5, 15);
    expect(estimatedRisk(4, 1, -0.5)).toBe(-0.5);
  });

  it('bargains: S2P2 rounds to 4 decimals; the stronger side pulls the point', () => {
    expect(round4(0.12345)).toBe(0.1235);
    const x = [0.2, 0.8];
    const s = [0.5, 0.5];
    const bi = new Float64Array(1);
    const bj = new Float64Array(1);
    interpolateBargain(1, x, s, 1, 0, 1, 0.75, bi, bj, 0);
    expect(bi[0]).toBeCloseTo(0.26, 4); // weights 0.5625 : 0.0625
    expect(bi[0]).toBe(round4(bi[0]));
    interpolateBargain(2, x, s, 1, 0, 1, 0.75, bi, bj, 0);
    expect(bi[0]).toBe(0.2); // S2PMax: the likely winner does not move
    expect(bj[0]).toBeLessThan(0.8);
  });

  it('the engine\'s challengeGains is bit-identical to probEduChlg(i,i,i,j) for every rule and commitment', () => {
    const rng = rngFor(5, 1);
    const n = 9;
    const ut = Float64Array.from({ length: n * n }, () => rng.uniform());
    const diag = new Float64Array(n);
    for (let a = 0; a < n; a++) diag[a] = ut[a * n + a];
    const t2 = new Float64Array(n * n);
    const t3 = new Float64Array(n * n);
    for (let b = 0; b < n; b++) for (let a = 0; a < n; a++) {
      t2[b * n + a] = 2 * ut[b * n + a] + diag[a];
      t3[b * n + a] = 3 * ut[b * n + a];
    }
    const sc = Float64Array.from({ length: n }, () => 10 * rng.uniform());
    const sTot = Float64Array.from({ length: n }, () => rng.uniform());
    const out = new Float64Array(6);
    const prob = new Float64Array(n);
    const gain = new Float64Array(n);
    for (let vr = 0; vr < 6; vr++) for (let tpc = 0; tpc < 3; tpc++) for (let i = 0; i < n; i++) {
      challengeGains(ut, t2, t3, n, sc, sTot, vr, tpc, i, prob, gain);
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        probEduChlg(ut, diag, n, sc, sTot, vr, tpc, i, i, j, out);
        expect(prob[j]).toBe(out[CHLG_PROB]);
        expect(gain[j]).toBe(out[CHLG_GAIN]);
      }
    }
  });
});
