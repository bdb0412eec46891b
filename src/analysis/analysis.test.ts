import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/types.js';
import { applyChanges, parseChangeArg } from './applyChanges.js';
import { applyShocks, shockSequence } from './shocks.js';
import { whatIf } from './whatIf.js';
import { keyActors } from './keyActors.js';
import { sensitivity } from './sensitivity.js';
import { createSampler } from './sampler.js';
import { rngFor } from './rng.js';
import { runMonteCarlo } from './montecarlo.js';
import { addForecast, emptyTally, summarise } from './aggregate.js';

const loaded = loadScenario('builtin:iraq-2024');
if (!loaded.ok) throw new Error('built-in case does not load');
const iraq: Scenario = loaded.value;

describe('rng streams', () => {
  it('are reproducible per (seed, stream) and differ across streams', () => {
    const a = rngFor(42, 3);
    const b = rngFor(42, 3);
    const c = rngFor(42, 4);
    const xs = [a.uniform(), a.uniform(), a.normal()];
    expect([b.uniform(), b.uniform(), b.normal()]).toEqual(xs);
    expect(c.uniform()).not.toBe(xs[0]);
    for (let i = 0; i < 1000; i++) {
      const u = a.uniform();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
  it('have the mean and spread of their distributions', () => {
    const r = rngFor(1, 0);
    let s = 0;
    let s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.05);
  });
});

describe('applyChanges', () => {
  it('sets, adds and scales without touching the original, shifting the uncertainty range', () => {
    const { scenario, warnings } = applyChanges(iraq, [
      { kind: 'set', actor: 'sudani', field: 'position', dimension: 'presence', op: 'add', value: 10 },
      { kind: 'set', actor: 'us-gov', field: 'capability', op: 'scale', value: 2 },
    ]);
    expect(warnings).toEqual([]);
    const sudani = scenario.actors.find((a) => a.id === 'sudani')!;
    expect(sudani.position.presence).toMatchObject({ value: 60, low: 50, high: 70 });
    expect(scenario.actors.find((a) => a.id === 'us-gov')!.capability.value).toBe(120);
    expect(iraq.actors.find((a) => a.id === 'sudani')!.position.presence.value).toBe(50);
  });
  it('clamps to the valid range with a warning', () => {
    const { scenario, warnings } = applyChanges(iraq, [{ kind: 'set', actor: 'kurds', field: 'salience', dimension: 'presence', op: 'add', value: 5 }]);
    expect(scenario.actors.find((a) => a.id === 'kurds')!.salience.presence.value).toBe(1);
    expect(warnings[0]).toMatch(/clamped to 1/);
  });
  it('parses command-line changes and rejects unknown actors and fields', () => {
    expect(parseChangeArg('sudani.position.presence=60', iraq)).toMatchObject({ actor: 'sudani', field: 'position', dimension: 'presence', op: 'set', value: 60 });
    expect(parseChangeArg('us-gov.capability*=1.5', iraq)).toMatchObject({ op: 'scale', value: 1.5 });
    expect(parseChangeArg('kurds.salience.presence-=0.2', iraq)).toMatchObject({ op: 'add', value: -0.2 });
    expect(parseChangeArg('kurds.salience.presence+=0.1', iraq)).toMatchObject({ op: 'add', value: 0.1 });
    // '=' always sets, so a negative value on a scale that allows it is set, not added.
    const signedScale = { ...iraq, dimensions: iraq.dimensions.map((d) => ({ ...d, scale: { ...d.scale, min: -100 } })) };
    expect(parseChangeArg('kurds.position.presence=-5', signedScale)).toMatchObject({ op: 'set', value: -5 });
    expect(parseChangeArg('nobody.capability=3', iraq)).toMatch(/unknown actor "nobody"/);
    expect(parseChangeArg('kurds.charisma=3', iraq)).toMatch(/unknown field "charisma"/);
    expect(parseChangeArg('kurds.position=3', iraq)).toMatch(/needs a dimension/);
    expect(parseChangeArg('kurds.position.nope=3', iraq)).toMatch(/unknown dimension "nope"/);
    expect(parseChangeArg('kurds.capability=lots', iraq)).toMatch(/not a number/);
  });
});

describe('shocks and what-if', () => {
  it('rejects an unknown shock', () => {
    const r = applyShocks(iraq, ['martians']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toMatch(/unknown shock "martians"; known: .*isis-resurgence/);
  });
  it('an ISIS resurgence moves every engine towards a longer presence', () => {
    const r = whatIf(iraq, { engine: 'compromise,median', shocks: ['isis-resurgence'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const row of r.value.rows) expect(row.diff[0]).toBeGreaterThan(0);
    expect(r.value.rows[0].diff[0]).toBeCloseTo(r.value.rows[0].shocked[0] - r.value.rows[0].base[0], 12);
  });
  it('a change to one actor moves the compromise by its weight share', () => {
    const r = whatIf(iraq, { engine: 'compromise', changes: ['armed-factions.position.presence=100'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const w = (a: Scenario['actors'][number]) => a.capability.value * a.salience.presence.value;
    const share = w(iraq.actors.find((a) => a.id === 'armed-factions')!) / iraq.actors.reduce((s, a) => s + w(a), 0);
    expect(r.value.rows[0].diff[0]).toBeCloseTo(100 * share, 9);
  });
  it('needs a shock or a change', () => {
    expect(whatIf(iraq, { engine: 'compromise' }).ok).toBe(false);
  });
  it('replays dated shocks in date order, cumulatively', () => {
    const seq = shockSequence(iraq);
    expect(seq.map((x) => x.shock.id)).toEqual(['mediation-halts-attacks', 'ain-al-asad-attacks', 'isis-resurgence', 'dollar-disruption']);
    const us = (s: Scenario) => s.actors.find((a) => a.id === 'us-gov')!.position.presence.value;
    expect(seq.map((x) => us(x.scenario))).toEqual([65, 75, 85, 85]);
  });
});

describe('key actors and sensitivity', () => {
  it('ranks actors by the forecast change they cause, removal included', () => {
    const r = keyActors(iraq, 'compromise');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const inf = r.value.actors.map((a) => a.influence);
    expect([...inf].sort((a, b) => b - a)).toEqual(inf);
    // Removing Al-Sudani's government (the heaviest actor at the midpoint) must change the compromise.
    const sudani = r.value.actors.find((a) => a.actor === 'sudani')!;
    expect(sudani.without![0]).not.toBeCloseTo(r.value.base[0], 6);
    // Moving every position by +10% of the scale moves the weighted mean by exactly the actor's weight share.
    expect(sudani.up[0] - r.value.base[0]).toBeGreaterThan(0);
  });
  it('rejects a shift outside (0, 1]', () => {
    expect(keyActors(iraq, 'compromise', {}, 0).ok).toBe(false);
  });
  it('tornado: items ranked by effect; a position range moves the compromise by weight share × range', () => {
    const r = sensitivity(iraq, 'compromise');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const eff = r.value.items.map((x) => x.effect);
    expect([...eff].sort((a, b) => b - a)).toEqual(eff);
    const item = r.value.items.find((x) => x.actor === 'sudani' && x.field === 'position' && x.dimension === 'presence')!;
    expect([item.low, item.high]).toEqual([40, 60]);
    const w = (a: Scenario['actors'][number]) => a.capability.value * a.salience.presence.value;
    const share = w(iraq.actors.find((a) => a.id === 'sudani')!) / iraq.actors.reduce((s, a) => s + w(a), 0);
    expect(item.forecastHigh[0] - item.forecastLow[0]).toBeCloseTo(20 * share, 9);
  });
});

describe('Monte Carlo', () => {
  it('samples within ranges: uniform for low/high, inside the scale and [0,1]', () => {
    const sampler = createSampler(iraq);
    const rng = rngFor(5, 0);
    const sudani = iraq.actors.findIndex((a) => a.id === 'sudani');
    for (let i = 0; i < 500; i++) {
      const m = sampler.sample(rng);
      const x = m.position[sudani * m.d];
      expect(x >= 40 && x <= 60).toBe(true);
      for (const v of m.salience) expect(v >= 0 && v <= 1).toBe(true);
      for (const v of m.capability) expect(v > 0).toBe(true);
    }
  });
  it('summarises: mean, sd, percentiles and band probabilities from the streaming tally', () => {
    const t = emptyTally(1);
    const dims = [{ ...iraq.dimensions[0] }];
    for (let i = 0; i < 100; i++) addForecast(t, [i + 0.5], dims);
    const [d] = summarise(t, dims);
    expect(d.mean).toBeCloseTo(50, 9);
    expect(d.sd).toBeCloseTo(29.011492, 5);
    // Histogram quantiles: between the two middle observations (49.5 and 50.5), within one fine bin.
    expect(d.percentiles.p50).toBeGreaterThanOrEqual(49.5);
    expect(d.percentiles.p50).toBeLessThanOrEqual(50.5);
    expect(d.percentiles.p5).toBeGreaterThanOrEqual(4.5);
    expect(d.percentiles.p5).toBeLessThanOrEqual(5.5);
    expect(d.bands.map((b) => b.probability)).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
    expect(d.histogram.counts.reduce((a, b) => a + b, 0)).toBe(100);
  });
  it('gives the same summary for 1 and 2 workers with the same seed', async () => {
    const one = await runMonteCarlo(iraq, { engine: 'compromise', runs: 450, seed: 11, workers: 1 });
    const two = await runMonteCarlo(iraq, { engine: 'compromise', runs: 450, seed: 11, workers: 2 });
    expect(one.ok && two.ok).toBe(true);
    expect(JSON.stringify(two.ok && two.value)).toBe(JSON.stringify(one.ok && one.value));
    const other = await runMonteCarlo(iraq, { engine: 'compromise', runs: 450, seed: 12, workers: 1 });
    expect(JSON.stringify(other.ok && other.value)).not.toBe(JSON.stringify(one.ok && one.value));
  });
  it('stops on abort and reports the finished runs', async () => {
    const ac = new AbortController();
    const r = await runMonteCarlo(iraq, { engine: 'compromise', runs: 5000, seed: 1, signal: ac.signal, onProgress: (done) => done >= 300 && ac.abort() });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.interrupted).toBe(true);
    expect(r.value.completed).toBe(300);
  });
  it('rejects runs ≤ 0, a bad seed, more than one engine and unknown noise', async () => {
    for (const [o, re] of [
      [{ runs: 0 }, /--runs/],
      [{ runs: -5 }, /--runs/],
      [{ seed: -1 }, /--seed/],
      [{ engine: 'all' }, /one engine/],
      [{ noise: { colour: 1 } }, /unknown noise/],
    ] as const) {
      const r = await runMonteCarlo(iraq, Object.assign({ engine: 'compromise', runs: 10, seed: 1 }, o) as never);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => `${i.path} ${i.message}`).join()).toMatch(re);
    }
  });
});

describe('limits on changes and shocks', () => {
  it('rejects set values outside their field and amounts beyond 1e12; clamps relative results with a warning', () => {
    expect(parseChangeArg('kurds.salience.presence=2', iraq)).toMatch(/salience 2 is outside \[0, 1\]/);
    expect(parseChangeArg('sudani.capability=0', iraq)).toMatch(/must be above 0/);
    expect(parseChangeArg('sudani.position.presence=150', iraq)).toMatch(/outside the scale \[0, 100\]/);
    expect(parseChangeArg('sudani.capability*=1e308', iraq)).toMatch(/beyond ±1000000000000/);
    const { scenario, warnings } = applyChanges(iraq, [{ kind: 'set', actor: 'sudani', field: 'capability', op: 'scale', value: 1e12 }]);
    expect(scenario.actors.find((a) => a.id === 'sudani')!.capability.value).toBe(1e12);
    expect(warnings[0]).toMatch(/clamped to 1000000000000/);
  });
  it('refuses a what-if that leaves fewer than two actors', () => {
    const gone = { ...iraq, shocks: [{ id: 'wipe', title: 'wipe', evidence: [], changes: iraq.actors.slice(1).map((a) => ({ kind: 'remove' as const, actor: a.id })) }] };
    const w = whatIf(gone, { engine: 'compromise', shocks: ['wipe'] });
    expect(w.ok).toBe(false);
    if (!w.ok) expect(w.issues[0].message).toMatch(/leave 1 actor\(s\); a contest needs at least two/);
  });
});
