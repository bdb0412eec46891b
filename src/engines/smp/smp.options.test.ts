import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { KTAB_FIXTURES, loadModel, smpOptionsFor } from './testHelpers.js';
import { smp } from './smp.js';
import { SMP_PARAMETERS } from './options.js';
import type { Model } from '../model.js';
import { rngFor } from '../../analysis/rng.js';

const model3 = loadModel(join(KTAB_FIXTURES, 'scenarios', 'dummyData_3Dim.csv'));
const run = (m: Model, set: Record<string, string> = {}) => smp.run(m, smpOptionsFor(set));

describe('smp options', () => {
  for (const p of SMP_PARAMETERS) {
    for (const v of p.values) {
      it(`runs ${p.name}=${v} on dummyData_3Dim to a finite result`, () => {
        const res = run(model3, { [p.name]: v, seed: '7' });
        expect(res.options[p.name]).toBe(v);
        expect(res.rounds.length).toBeGreaterThan(2);
        for (const r of res.rounds) for (const pos of r.positions) for (const x of pos) expect(x >= 0 && x <= 100).toBe(true);
        for (const r of res.rounds) for (const w of r.winProbability as number[]) expect(w >= 0 && w <= 1).toBe(true);
      });
    }
  }

  it('defaults are KTAB\'s', () => {
    const res = run(model3);
    expect(res.options).toMatchObject({
      victoryProbModel: 'Linear', pceModel: 'Conditional', stateTransitions: 'Deterministic', votingRule: 'Prop',
      bigRAdjust: 'OneThird', bigRRange: 'Mid', thirdPartyCommit: 'SemiCommit', interVecBrgn: 'S2P2', bargnModel: 'InitOnlyInterp',
      maxTurns: 100,
    });
  });

  it('a non-default parameter changes the dynamics', () => {
    const a = run(model3);
    const b = run(model3, { votingRule: 'Binary' });
    expect(b.rounds.map((r) => r.positions)).not.toEqual(a.rounds.map((r) => r.positions));
  });

  it('Stochastic is reproducible for a seed and differs between seeds', () => {
    const a = run(model3, { stateTransitions: 'Stochastic', seed: '11' });
    const b = run(model3, { stateTransitions: 'Stochastic', seed: '11' });
    expect(b.rounds.map((r) => r.positions)).toEqual(a.rounds.map((r) => r.positions));
    const runs = [12, 13, 14, 15].map((s) => JSON.stringify(run(model3, { stateTransitions: 'Stochastic', seed: String(s) }).rounds.map((r) => r.positions)));
    expect(new Set([JSON.stringify(a.rounds.map((r) => r.positions)), ...runs]).size).toBeGreaterThan(1);
    // An explicit random source takes precedence over the seed option.
    const c = smp.run(model3, smpOptionsFor({ stateTransitions: 'Stochastic', seed: '11' }), rngFor(11, 0));
    expect(c.rounds.map((r) => r.positions)).toEqual(a.rounds.map((r) => r.positions));
  });

  it('Deterministic ignores the seed', () => {
    expect(run(model3, { seed: '99' }).rounds.map((r) => r.positions)).toEqual(run(model3).rounds.map((r) => r.positions));
  });

  it('runs bigRAdjust=Full (KTAB cannot: its sanity check always fires there)', () => {
    const res = run(model3, { bigRAdjust: 'Full' });
    expect(res.stop.reason).toBe('converged');
  });

  it('maxTurns caps the run', () => {
    const res = run(model3, { maxTurns: '3' });
    expect(res.rounds.length - 1).toBe(3);
    expect(res.stop).toMatchObject({ reason: 'max-turns', rounds: 3 });
  });

  it('parameters from a KTAB XML file apply unless set, and fileParams=false ignores them', () => {
    const m: Model = { ...model3, params: { VotingRule: 'Binary', StateTransitions: 'Stochastic' } };
    const viaFile = run(m);
    expect(viaFile.options).toMatchObject({ votingRule: 'Binary', stateTransitions: 'Stochastic' });
    expect(run(m, { votingRule: 'Cubic' }).options.votingRule).toBe('Cubic');
    expect(run(m, { fileParams: 'false' }).options).toMatchObject({ votingRule: 'Prop', stateTransitions: 'Deterministic' });
  });

  it('accommodation moves ideals partly: ideals differ from positions, and the run differs from the identity', () => {
    const n = model3.n;
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) A[i * n + i] = i % 2 ? 0.6 : 1;
    A[1 * n + 0] = 0.2;
    const res = run({ ...model3, accommodation: A });
    const base = run(model3);
    expect(res.rounds.map((r) => r.positions)).not.toEqual(base.rounds.map((r) => r.positions));
    const identity = new Float64Array(n * n);
    for (let i = 0; i < n; i++) identity[i * n + i] = 1;
    expect(run({ ...model3, accommodation: identity }).rounds.map((r) => r.positions)).toEqual(base.rounds.map((r) => r.positions));
  });
});

describe('smp adapter for native scales', () => {
  it('maps any scale to [0,1] and back: a −10..10 copy of dummyData_3Dim gives the same run, rescaled', () => {
    const d = model3.d;
    const pos = Float64Array.from(model3.position, (x) => x / 5 - 10);
    const m: Model = { ...model3, position: pos, min: new Float64Array(d).fill(-10), max: new Float64Array(d).fill(10), format: 'yaml' };
    const a = run(m);
    const b = run(model3);
    expect(a.rounds.length).toBe(b.rounds.length);
    a.rounds.forEach((r, t) => r.positions.forEach((p, i) => p.forEach((x, k) => expect(x).toBeCloseTo(b.rounds[t].positions[i][k] / 5 - 10, 9))));
  });

  it('scales down saliences summing above 1, with a warning naming the actors', () => {
    const sal = Float64Array.from(model3.salience);
    sal[0] = 0.9; // SActor-00: 0.9 + 0.0591 + 0.2815 > 1
    const res = run({ ...model3, salience: sal });
    expect(res.warnings?.join(' ')).toMatch(/scaled down.*SActor-00/);
    expect(res.warnings?.join(' ')).not.toMatch(/SActor-01/);
  });

  it('runs two actors, and actors all at one position (every position equally likely)', () => {
    const same: Model = { ...model3, position: new Float64Array(model3.n * model3.d).fill(50) };
    const res = run(same);
    expect(res.rounds.length - 1).toBe(2);
    expect(res.warnings?.join(' ')).toMatch(/equally likely/);
  });
});

describe('smp outputs', () => {
  const res = run(model3);
  it('reports per turn positions, win probabilities, effective power, bargains, choices and explained events', () => {
    const r1 = res.rounds[1] as Record<string, unknown>;
    expect((r1.winProbability as number[]).length).toBe(model3.n);
    expect((r1.effectivePower as number[][])[0][0]).toBeCloseTo(102.543 * 0.4953, 9);
    expect((r1.bargains as unknown[]).length).toBe(7);
    expect((r1.choices as unknown[]).length).toBe(model3.n);
    const texts = (r1.events as { text: string }[]).map((e) => e.text);
    // KTAB turn 0: SActor-00's queue chose SActor-04's bargain (table_Bargn: 1007, Recd_Seld = 1).
    expect(texts.some((t) => /^SActor-00 accepts SActor-04's bargain \(.*\) and moves from \(75\.79, 6\.37, 70\.45\) to \(79\.54, 44\.7[12], 72\.05\)\.$/.test(t))).toBe(true);
    expect((res.rounds[res.rounds.length - 1].events as { type: string }[]).at(-1)?.type).toBe('stop');
  });

  it('forecasts the capability×salience-weighted mean of the final positions', () => {
    const last = res.rounds[res.rounds.length - 1].positions;
    for (let k = 0; k < model3.d; k++) {
      let num = 0;
      let den = 0;
      for (let i = 0; i < model3.n; i++) {
        const w = model3.capability[i] * model3.salience[i * model3.d + k];
        num += w * last[i][k];
        den += w;
      }
      expect(res.forecast.position[k]).toBeCloseTo(num / den, 12);
    }
    expect(res.forecast.positions).toEqual(last);
  });
});
