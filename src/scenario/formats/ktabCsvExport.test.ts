import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportKtabCsv } from './ktabCsvExport.js';
import { parseKtabCsv } from './ktabCsv.js';
import type { Scenario } from '../types.js';

const FIX = fileURLToPath(new URL('../../../test/fixtures/ktab/scenarios/', import.meta.url));

function load(f: string): Scenario {
  const r = parseKtabCsv(readFileSync(FIX + f, 'utf8'), f);
  if (!r.ok) throw new Error(r.issues[0].message);
  return r.value;
}

describe('KTAB CSV export', () => {
  it('round-trips KTAB CSV scenarios exactly', () => {
    for (const f of ['dummyData_3Dim.csv', 'SOE-Pol-Comp.csv', 'dummyData_6Dim.csv']) {
      const s = load(f);
      const out = exportKtabCsv(s);
      expect(out.ok).toBe(true);
      if (!out.ok) continue;
      const back = parseKtabCsv(out.value, 'back.csv');
      expect(back.ok).toBe(true);
      if (!back.ok) continue;
      expect(back.value.actors).toEqual(s.actors);
      expect(back.value.dimensions.map((d) => d.title)).toEqual(s.dimensions.map((d) => d.title));
      expect(back.value.name).toBe(s.name);
    }
  });

  it('maps native scales to 0–100, escapes commas and quotes, and scales down salience totals above 1', () => {
    const s = load('dummyData_3Dim.csv');
    const dim = s.dimensions[0];
    dim.scale = { ...dim.scale, min: -1, max: 1 };
    for (const a of s.actors) a.position[dim.id].value = a.position[dim.id].value / 50 - 1;
    s.actors[0].position[dim.id].value = 0.5;
    s.actors[0].name = 'Gov, "core"';
    s.actors[1].salience[dim.id].value = 0.9;
    const out = exportKtabCsv(s);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.warnings[0].message).toMatch(/scaled down.*SActor-01/);
    const back = parseKtabCsv(out.value, 'back.csv');
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.actors[0].name).toBe('Gov, "core"');
    expect(back.value.actors[0].position[dim.id].value).toBe(75);
    const sal = back.value.dimensions.reduce((t, d) => t + back.value.actors[1].salience[d.id].value, 0);
    expect(sal).toBeCloseTo(1, 6);
    expect(sal).toBeLessThanOrEqual(1);
  });

  it('refuses what KTAB cannot read: fewer than 3 actors, zero capability', () => {
    const s = load('dummyData_3Dim.csv');
    const two = exportKtabCsv({ ...s, actors: s.actors.slice(0, 2) });
    expect(two.ok).toBe(false);
    s.actors[2].capability.value = 0;
    const zero = exportKtabCsv(s);
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.issues[0].path).toBe('actors[2].capability');
  });
});
