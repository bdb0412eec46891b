// Engine-level behaviour beyond the replications (eum.md "Beyond the replications", §8, parity rule 9): options and
// presets, the stop rule and cycle report, multi-issue runs side by side, guards, and the events' text.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../scenario/load.js';
import { compileModel, type Model } from '../model.js';
import { resolveOptions } from '../options.js';
import { engines } from '../index.js';
import type { RunResult } from '../types.js';
import { eum } from './eum.js';
import type { EumEvent } from './events.js';

const data = (name: string) => fileURLToPath(new URL(`../../../test/fixtures/eum/data/${name}.csv`, import.meta.url));

function model(name: string): Model {
  const sc = loadScenario(data(name));
  if (!sc.ok) throw new Error(JSON.stringify(sc.issues));
  return compileModel(sc.value);
}

function run(m: Model, set: Record<string, string> = {}): RunResult {
  const o = resolveOptions(eum, set);
  if (!o.ok) throw new Error(JSON.stringify(o.issues));
  return eum.run(m, o.value);
}

/** A two-issue model: issue 0 is the given 1-D model, issue 1 has the given positions/saliences on the same scale. */
function withSecondIssue(m: Model, pos: number[], sal: number[]): Model {
  const n = m.n;
  const position = new Float64Array(2 * n);
  const salience = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    position[2 * i] = m.position[i];
    position[2 * i + 1] = pos[i];
    salience[2 * i] = m.salience[i];
    salience[2 * i + 1] = sal[i];
  }
  return {
    ...m,
    d: 2,
    dimensions: ['timing', 'second'],
    dimensionIds: ['timing', 'second'],
    min: Float64Array.of(m.min[0], m.min[0]),
    max: Float64Array.of(m.max[0], m.max[0]),
    position,
    salience,
  };
}

describe('options and presets', () => {
  it('is registered, defaults to scholz-fixcap, and presets set the switches unless set explicitly', () => {
    expect(engines.eum).toBe(eum);
    const d = resolveOptions(eum, {});
    expect(d.ok && d.value).toMatchObject({ variant: 'scholz-fixcap', capitulationFix: true, offers: 'receiver', rounds: null, maxRounds: 10, Q: 1, T: 1 });
    const s = resolveOptions(eum, { variant: 'scholz' });
    expect(s.ok && s.value).toMatchObject({ capitulationFix: false, probabilityRule: 'scholz-code', utilityExponent: 'perceiver' });
    const m = resolveOptions(eum, { variant: 'masad', offers: 'receiver' });
    expect(m.ok && m.value).toMatchObject({ probabilityRule: 'masad', utilityExponent: 'challenger', offers: 'receiver', noChallengeTerm: 'masad' });
    expect(resolveOptions(eum, { variant: 'bogus' }).ok).toBe(false);
    expect(resolveOptions(eum, { rounds: '2.5' }).ok).toBe(false);
  });

  it('reports every effective option and accepts partial options in-process', () => {
    const res = eum.run(model('ec_car_emissions_1994'), { variant: 'masad', rounds: 1 });
    expect(res.options).toMatchObject({ variant: 'masad', offers: 'sender', rounds: 1, tol: 1e-9 });
    for (const spec of eum.options) expect(res.options).toHaveProperty(spec.name);
  });
});

describe('events', () => {
  it('carry structured fields and a sentence (EC round 1, Scholz-code reading)', () => {
    const ev = run(model('ec_car_emissions_1994'), { variant: 'scholz', rounds: '1' }).rounds[1].events as EumEvent[];
    expect(ev[0]).toMatchObject({ actor: 'Belgium', type: 'compromise', with: 'France', from: 7, text: 'Belgium compromises toward France: 7 → 8.42' });
    expect(ev[0].to).toBeCloseTo(8.4159323154, 9);
    expect(ev[1].text).toBe('Luxembourg loses a confrontation with Belgium and moves: 4 → 7');
  });
  it('name capitulations (honduras, scholz-fixcap)', () => {
    const res = run(model('honduras_2009'), { variant: 'scholz-fixcap', rounds: '10' });
    const caps = res.rounds.flatMap((r) => r.events as EumEvent[]).filter((e) => e.type === 'capitulation');
    expect(caps.length).toBeGreaterThan(0);
    expect(caps[0].text).toMatch(/ capitulates to .+: [\d.]+ → [\d.]+$/);
  });
});

describe('stop rule, horizon and cycles (eum.md §8)', () => {
  it('rounds=N is a fixed horizon: exactly N rounds even when nothing moves', () => {
    const res = run(model('saudi_oil_sultan'), { variant: 'scholz', rounds: '4' });
    expect(res.rounds).toHaveLength(5);
    expect(res.stop).toMatchObject({ reason: 'rounds', rounds: 4 });
    expect((res.stop.dimensions as { converged: boolean }[])[0].converged).toBe(true);
  });
  it('without rounds, stops when no actor moves (converged)', () => {
    const res = run(model('saudi_oil_sultan'), { variant: 'scholz' });
    expect(res.stop).toMatchObject({ reason: 'converged', rounds: 1 });
  });
  it('without rounds, stops at a repeated state and reports the cycle and its mean', () => {
    const res = run(model('honduras_2009'), { variant: 'scholz' });
    expect(res.stop.reason).toBe('cycle');
    const cyc = (res.stop.dimensions as { cycle: { period: number; medians: number[]; mean: number; from: number; to: number } }[])[0].cycle;
    expect(cyc.period).toBe(2);
    expect(cyc.to).toBe(res.stop.rounds);
    expect(cyc.mean).toBeCloseTo((cyc.medians[0] + cyc.medians[1]) / 2, 12);
    expect((res.forecast.cycleMean as number[])[0]).toBe(cyc.mean);
    const last = res.rounds.length - 1;
    expect(res.rounds[last].positions).toEqual(res.rounds[last - 2].positions);
  });
  it('maxRounds caps the adaptive run; the forecast is the final median plus the weighted mean', () => {
    const res = run(model('ec_car_emissions_1994'), { maxRounds: '3' });
    expect(res.stop).toMatchObject({ reason: 'max-rounds', rounds: 3 });
    expect(res.forecast.position).toEqual(res.rounds[3].median);
    expect(res.forecast.weightedMean).toEqual(res.rounds[3].mean);
    expect(res.forecast.cycleMean).toBeUndefined();
  });
});

describe('multi-issue scenarios run issue by issue', () => {
  const ec = model('ec_car_emissions_1994');
  it('each issue equals its own 1-D run, side by side', () => {
    const mirrored = Array.from(ec.position, (x) => 14 - x);
    const sal = Array.from(ec.salience, (s, i) => (i % 2 ? s : 1 - s));
    const two = run(withSecondIssue(ec, mirrored, sal), { variant: 'scholz', rounds: '10' });
    const one = run(ec, { variant: 'scholz', rounds: '10' });
    const second: Model = { ...ec, position: Float64Array.from(mirrored), salience: Float64Array.from(sal) };
    const alone = run(second, { variant: 'scholz', rounds: '10' });
    for (let t = 0; t <= 10; t++) {
      expect(two.rounds[t].positions.map((p) => p[0])).toEqual(one.rounds[t].positions.map((p) => p[0]));
      expect(two.rounds[t].positions.map((p) => p[1])).toEqual(alone.rounds[t].positions.map((p) => p[0]));
      expect((two.rounds[t].median as number[])[1]).toBe((alone.rounds[t].median as number[])[0]);
    }
    expect((two.rounds[1].riskExponents as number[][])[1]).toEqual((alone.rounds[1].riskExponents as number[][])[0]);
    const evDims = new Set((two.rounds[1].events as EumEvent[]).map((e) => e.dimension));
    expect(evDims).toEqual(new Set(['timing', 'second']));
    expect((two.rounds[1].events as EumEvent[])[0].text.startsWith('[timing] ')).toBe(true);
  });
  it('an issue that stops early is padded with its final state', () => {
    const res = run(withSecondIssue(ec, Array(ec.n).fill(5), Array(ec.n).fill(0.5)), { maxRounds: '6' });
    expect(res.stop.reason).toBe('mixed');
    expect(res.stop.rounds).toBe(6);
    const dims = res.stop.dimensions as { reason: string; rounds: number }[];
    expect(dims[1]).toMatchObject({ reason: 'converged', rounds: 1 });
    expect((res.rounds[1].riskExponents as number[][])[1]).toEqual(Array(ec.n).fill(1)); // all dangers equal: guard
    for (let t = 2; t <= 6; t++) {
      expect(res.rounds[t].positions.every((p) => p[1] === 5)).toBe(true);
      expect((res.rounds[t].riskExponents as number[][])[1]).toEqual([]);
      expect((res.rounds[t].median as number[])[1]).toBe(5);
    }
  });
});

describe('guards (eum.md parity rule 9)', () => {
  const ec = model('ec_car_emissions_1994');
  it('zero capability×salience on an issue: warning, positions left as input', () => {
    const res = run(withSecondIssue(ec, Array.from(ec.position), Array(ec.n).fill(0)), { rounds: '3' });
    expect(res.warnings?.[0]).toMatch(/second: every actor's capability × salience is 0/);
    expect(res.rounds[3].positions.map((p) => p[1])).toEqual(Array.from(ec.position));
    expect((res.stop.dimensions as { reason: string }[])[1].reason).toBe('no-weight');
  });
  it('a position outside the scale bounds: warning, issue not run', () => {
    const res = run({ ...ec, max: Float64Array.of(9) }, { rounds: '2' });
    expect(res.warnings?.[0]).toMatch(/outside the scale \[4, 9\]/);
    expect(res.rounds[2].positions).toEqual(res.rounds[0].positions);
  });
  it('wider scale bounds than the data change distances (eum.md §1: bounds come from the scenario)', () => {
    const wide = run({ ...ec, min: Float64Array.of(0), max: Float64Array.of(20) }, { variant: 'scholz', rounds: '3' });
    const tight = run(ec, { variant: 'scholz', rounds: '3' });
    expect(wide.rounds[3].positions).not.toEqual(tight.rounds[3].positions);
  });
});

describe('other readings and Q < 1 run on the scale', () => {
  const ec = model('ec_car_emissions_1994');
  const cases: Record<string, string>[] = [
    { probabilityRule: 'paper' },
    { probabilityRule: 'paper', utilityExponent: 'challenger', offerChoice: 'nearest' },
    { variant: 'scholz', offers: 'sender' },
    { Q: '0.5', T: '0.5', noChallengeTerm: 'paper' },
    { Q: '0.5', T: '0', noChallengeTerm: 'scholz-code' },
    { variant: 'masad', Q: '0.3', T: '1' },
  ];
  for (const set of cases) {
    it(JSON.stringify(set), () => {
      const res = run(ec, { ...set, rounds: '10' });
      for (const r of res.rounds) for (const p of r.positions) expect(p[0] >= 4 && p[0] <= 10).toBe(true);
      expect(Number.isFinite(res.forecast.position[0])).toBe(true);
    });
  }
  it('Q < 1 changes the outcome under the paper form', () => {
    const a = run(ec, { rounds: '10', noChallengeTerm: 'paper', Q: '0.2', T: '0' });
    const b = run(ec, { rounds: '10', noChallengeTerm: 'paper' });
    expect(a.rounds.map((r) => r.positions)).not.toEqual(b.rounds.map((r) => r.positions));
  });
});
