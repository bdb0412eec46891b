// Unit checks of the EUM steps against their definitions in shared/models/eum.md (sections named per test).
import { describe, expect, it } from 'vitest';
import { rngFor } from '../../analysis/rng.js';
import { weightedMedian } from '../weights.js';
import { createWorkspace } from './workspace.js';
import { distinctPositions } from './distinctPositions.js';
import { allPairsVoteMass, powerDistances, probabilities } from './probability.js';
import { riskExponents } from './risk.js';
import { condorcetMedian } from './median.js';
import { repeatPeriod } from './cycle.js';
import { decimalsFor, formatPosition } from './events.js';

function randomWorkspace(seed: number, n: number, grid: number) {
  const g = rngFor(seed, 0);
  const x = Float64Array.from({ length: n }, () => Math.floor(g.uniform() * grid) / (grid - 1));
  x[0] = 0;
  x[1] = 1;
  const s = Float64Array.from({ length: n }, () => g.uniform());
  const w = Float64Array.from(s, (v) => v * (0.1 + g.uniform()));
  const ws = createWorkspace(n, 1, w, s, x);
  const rho = Float64Array.from({ length: n }, () => 0.5 + 1.5 * g.uniform());
  distinctPositions(ws);
  return { ws, rho, x, w };
}

describe('probability of success (eum.md §3)', () => {
  it('the all-pairs denominator equals Σ_k Σ_a Σ_b |v_k(x_a, x_b)| summed directly', () => {
    for (const seed of [1, 2, 3]) {
      const { ws, rho, x, w } = randomWorkspace(seed, 40, 9);
      powerDistances(ws, rho);
      let brute = 0;
      for (let k = 0; k < ws.n; k++)
        for (let a = 0; a < ws.n; a++)
          for (let b = 0; b < ws.n; b++)
            brute += Math.abs(w[k] * (Math.pow(Math.abs(x[k] - x[b]), rho[k]) - Math.pow(Math.abs(x[k] - x[a]), rho[k])));
      expect(Math.abs(allPairsVoteMass(ws) - brute) / brute).toBeLessThan(1e-12);
    }
  });

  it('paper rule: P_i(j) + P_j(i) = 1 for distinct positions; scholz-code probabilities are tiny; masad ≤ paper', () => {
    const { ws, rho } = randomWorkspace(7, 30, 11);
    powerDistances(ws, rho);
    const m = ws.m;
    probabilities(ws, 'paper', 0);
    const paper = Float64Array.from(ws.prob.subarray(0, m * m));
    for (let p = 0; p < m; p++) for (let q = 0; q < m; q++) if (p !== q) expect(paper[p * m + q] + paper[q * m + p]).toBeCloseTo(1, 12);
    probabilities(ws, 'masad', 0);
    for (let p = 0; p < m; p++) for (let q = 0; q < m; q++) expect(ws.prob[p * m + q]).toBeLessThanOrEqual(paper[p * m + q] + 1e-15);
    probabilities(ws, 'scholz-code', allPairsVoteMass(ws));
    for (let p = 0; p < m; p++) {
      expect(ws.prob[p * m + p]).toBe(0);
      for (let q = 0; q < m; q++) expect(ws.prob[p * m + q]).toBeLessThan(0.1);
    }
  });
});

describe('probability loops are exact (eum.md parity rule 2: input-order sums)', () => {
  it('the four-pairs-at-once loop is bit-identical to the plain per-pair definition', () => {
    const { ws, rho, w } = randomWorkspace(11, 37, 1000);
    powerDistances(ws, rho);
    const { n, m, pw } = ws;
    for (const rule of ['scholz-code', 'masad'] as const) {
      const den = rule === 'scholz-code' ? allPairsVoteMass(ws) : 0;
      probabilities(ws, rule, den);
      for (let p = 0; p < m; p++)
        for (let q = 0; q < m; q++) {
          if (p === q) continue;
          let pos = 0;
          let net = 0;
          let abs = 0;
          for (let k = 0; k < n; k++) {
            const v = w[k] * (pw[q * n + k] - pw[p * n + k]);
            if (v > 0) pos += v;
            net += v;
            abs += Math.abs(v);
          }
          const want = rule === 'scholz-code' ? pos / den : Math.max(0, net) / abs;
          expect(ws.prob[p * m + q]).toBe(want);
        }
    }
  });
});

describe('median voter position (eum.md §2, parity rules 2 and 6)', () => {
  it('the king-of-the-hill Condorcet scan equals the c·s-weighted median', () => {
    for (let seed = 0; seed < 50; seed++) {
      const { ws, x, w } = randomWorkspace(seed, 3 + (seed % 17), 7);
      expect(condorcetMedian(x, w, ws.u, ws.m, 1)).toBe(weightedMedian(x, w));
    }
  });
});

describe('risk exponents (eum.md §6, parity rule 4)', () => {
  it('the most exposed actor gets 0.5, the safest 2, the middle 1', () => {
    const r = new Float64Array(3);
    riskExponents(Float64Array.of(0, 1, 2), r, 0);
    [2, 1, 0.5].forEach((v, i) => expect(r[i]).toBeCloseTo(v, 14));
  });
  it('guard: equal dangers (zero denominator) give r = 1; a positive guard widens it', () => {
    const r = new Float64Array(3).fill(7);
    riskExponents(Float64Array.of(0, 0, 0), r, 0);
    expect(Array.from(r)).toEqual([1, 1, 1]);
    riskExponents(Float64Array.of(0, 1e-12, 0), r.fill(7), 1e-9);
    expect(Array.from(r)).toEqual([1, 1, 1]);
    riskExponents(Float64Array.of(0, 1e-12, 0), r.fill(7), 0);
    expect(r[1]).toBeCloseTo(0.5, 14);
  });
});

describe('cycle detection and text', () => {
  it('finds the smallest repeat period', () => {
    const h = [[1, 2], [2, 1], [1, 2], [2, 1]].map((a) => Float64Array.from(a));
    expect(repeatPeriod(h, 3, 0)).toBe(2);
    expect(repeatPeriod(h, 1, 0)).toBe(0);
    expect(repeatPeriod([...h, Float64Array.of(2, 1)], 4, 0)).toBe(1);
  });
  it('formats positions to the scale', () => {
    expect(formatPosition(8.4159323154, decimalsFor(6))).toBe('8.42');
    expect(formatPosition(7, decimalsFor(6))).toBe('7');
    expect(formatPosition(92.9213, decimalsFor(100))).toBe('92.9');
    expect(formatPosition(0.5, decimalsFor(1))).toBe('0.5');
  });
});
