import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../scenario/load.js';
import { KTAB_FIXTURES, runFile } from './testHelpers.js';

const SCEN = join(KTAB_FIXTURES, 'scenarios');

describe('smp runs every KTAB CSV scenario (test/fixtures/ktab/scenarios, copied from KTAB examples/smp/doc)', () => {
  for (const f of readdirSync(SCEN).filter((x) => x.endsWith('.csv')).sort()) {
    it(`runs ${f} to completion`, () => {
      const t0 = process.cpuUsage();
      const res = runFile(join(SCEN, f));
      const cpu = process.cpuUsage(t0);
      const turns = res.rounds.length - 1;
      expect(turns).toBeGreaterThanOrEqual(2);
      expect(turns).toBeLessThan(100);
      expect(res.stop.reason).toBe('converged');
      for (const r of res.rounds) for (const p of r.positions) for (const x of p) expect(x >= 0 && x <= 100).toBe(true);
      for (const x of res.forecast.position) expect(Number.isFinite(x)).toBe(true);
      // The 160-actor scenario must finish in under 3 s (CPU time of this process).
      if (f === 'dummyData-a160.csv') expect((cpu.user + cpu.system) / 1e6).toBeLessThan(3);
    });
  }
});

describe('KTAB XML scenarios', () => {
  it('dummyData_3Dim_fixed.xml runs and matches the CSV run exactly', () => {
    const xml = runFile(join(SCEN, 'dummyData_3Dim_fixed.xml'));
    const csv = runFile(join(SCEN, 'dummyData_3Dim.csv'));
    expect(xml.rounds.length).toBe(csv.rounds.length);
    xml.rounds.forEach((r, t) => expect(r.positions).toEqual(csv.rounds[t].positions));
  });

  it('dummyData_3Dim.xml (no <IdealAdjustment>) gives a clear error naming the element and its line', () => {
    const r = loadScenario(join(SCEN, 'dummyData_3Dim.xml'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].message).toMatch(/missing <IdealAdjustment>/);
    expect(r.issues[0].line).toBe(118);
  });

  it('smpExample.xml (empty first <dCoord>) gives a clear error naming the element, actor and line', () => {
    const r = loadScenario(join(SCEN, 'smpExample.xml'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].message).toMatch(/<dCoord> 1 of Alice .* is empty/);
    expect(r.issues[0].line).toBe(32);
    expect(r.issues[0].path).toBe('Actors/Actor[0]/Position/dCoord[0]');
  });

  it('files that are not SMP scenarios are rejected with the reason', () => {
    for (const f of ['kmodel-doc/dummyData_3Dim.xml', 'reformpri-doc/reformpri-ex01.xml']) {
      const r = loadScenario(join(SCEN, f));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0].message).toMatch(/not a KTAB SMP scenario/);
    }
  });
});
