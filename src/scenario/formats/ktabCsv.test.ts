import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseKtabCsv, splitKtabCsvLine } from './ktabCsv.js';
import { parseScenarioText } from '../load.js';

const FIX = fileURLToPath(new URL('../../../test/fixtures/ktab/scenarios/', import.meta.url));
const read = (f: string) => readFileSync(FIX + f, 'utf8');
const DEMO = `Demo,"three-actor toy, two issues",3,2,
Actor,Description,Power,TaxPos,TaxSal,TradePos,TradeSal,
GOV,Government,100,30,40,60,20,
OPP,Opposition,60,80,50,20,30,
BIZ,Business lobby,40,90,10,50,70,
`;
const issuesOf = (text: string) => {
  const r = parseKtabCsv(text, 'x.csv');
  return r.ok ? [] : r.issues;
};

describe('KTAB CSV reader (smp.md §4)', () => {
  it('reads KTAB dummyData_3Dim.csv: 0–100 scales, saliences / 100, names and dimensions', () => {
    const r = parseKtabCsv(read('dummyData_3Dim.csv'), 'dummyData_3Dim.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.value;
    expect(s.format).toBe('ktab-csv');
    expect(s.name).toBe('DummyData_3Dim');
    expect(s.description).toBe('Dummy scenario to test reading format');
    expect(s.dimensions.map((d) => d.title)).toEqual(['Pstn1', 'Pstn2', 'Pstn3']);
    expect(s.dimensions[0].scale).toMatchObject({ min: 0, max: 100, minLabel: 'lowest Pstn1', maxLabel: 'highest Pstn1' });
    expect(s.actors).toHaveLength(7);
    const a0 = s.actors[0];
    expect(a0.name).toBe('SActor-00');
    expect(a0.capability.value).toBe(102.543);
    expect(a0.position[s.dimensions[1].id].value).toBe(6.37);
    expect(a0.salience[s.dimensions[0].id].value).toBe(49.53 / 100);
  });

  it('reads the no-final-comma variant identically, and the parser dispatch picks KTAB CSV', () => {
    const a = parseKtabCsv(read('dummyData_3Dim.csv'), 'a.csv');
    const b = parseScenarioText(read('dummyData_3Dim-no-final-comma.csv'), 'b.csv');
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.value.actors).toEqual(a.value.actors);
  });

  it('reads every KTAB CSV scenario (CRLF and a stray field on line 1 in dummyData_6Dim)', () => {
    for (const [f, n, d] of [['dummyData_6Dim.csv', 27, 6], ['SOE-Pol-Comp.csv', 13, 2], ['dummyData-a160.csv', 160, 1], ['SOE-Competitive.csv', 34, 1]] as const) {
      const r = parseKtabCsv(read(f), f);
      expect(r.ok).toBe(true);
      if (r.ok) expect([r.value.actors.length, r.value.dimensions.length]).toEqual([n, d]);
    }
  });

  it('splits quoted fields, &quot; and $$ like KTAB', () => {
    expect(splitKtabCsvLine('a,"b, c",d$$e,&quot;x&quot;,')).toEqual(['a', 'b, c', 'd,e', '"x"']);
    expect(splitKtabCsvLine('a,,b')).toEqual(['a', '', 'b']);
  });

  it('reads the smp.md example', () => {
    const r = parseKtabCsv(DEMO, 'demo.csv');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.description).toBe('three-actor toy, two issues');
  });

  it('rejects zero capability with file:line and a clear reason', () => {
    const is = issuesOf(DEMO.replace('OPP,Opposition,60', 'OPP,Opposition,0'));
    expect(is).toHaveLength(1);
    expect(is[0]).toMatchObject({ file: 'x.csv', line: 4, path: 'actors[1].capability' });
    expect(is[0].message).toMatch(/must be above 0/);
  });

  it('rejects out-of-range positions and saliences, totals above 100 and all-zero saliences', () => {
    expect(issuesOf(DEMO.replace('GOV,Government,100,30', 'GOV,Government,100,130'))[0]).toMatchObject({ line: 3, path: expect.stringContaining('position') });
    expect(issuesOf(DEMO.replace('BIZ,Business lobby,40,90,10,50,70', 'BIZ,Business lobby,40,90,40,50,70'))[0].message).toMatch(/sum to more than 100/);
    expect(issuesOf(DEMO.replace('BIZ,Business lobby,40,90,10,50,70', 'BIZ,Business lobby,40,90,0,50,0'))[0].message).toMatch(/every salience .* is 0/);
    expect(issuesOf(DEMO.replace('TradeSal,\nGOV,Government,100,30,40', 'TradeSal,\nGOV,Government,100,abc,40'))[0]).toMatchObject({ line: 3, message: '"abc" is not a number' });
  });

  it('rejects bad counts, short rows and too few rows (a blank line ends the input)', () => {
    expect(issuesOf(DEMO.replace('Demo,"three-actor toy, two issues",3,2', 'Demo,"x",2,2'))[0].message).toMatch(/3 to 250/);
    expect(issuesOf(DEMO.replace('Demo,"three-actor toy, two issues",3,2', 'Demo,"x",three,2'))[0].line).toBe(1);
    expect(issuesOf(DEMO.replace('OPP,Opposition,60,80,50,20,30,', 'OPP,Opposition,60,80'))[0]).toMatchObject({ line: 4 });
    const blank = issuesOf(DEMO.replace('\nOPP', '\n\nOPP'));
    expect(blank[0].message).toMatch(/promises 3 actors but 1 actor row\(s\) follow before a blank line/);
    expect(issuesOf(DEMO.replace('Demo,"three-actor toy, two issues",3,2', 'Demo,"x",3,3'))[0]).toMatchObject({ line: 2 });
  });

  it('ignores rows beyond the promised number with a warning', () => {
    const r = parseKtabCsv(DEMO + 'EXTRA,x,1,1,1,1,1,\n', 'x.csv');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.actors).toHaveLength(3);
      expect(r.warnings[0].message).toMatch(/ignored/);
    }
  });
});
