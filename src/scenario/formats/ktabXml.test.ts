import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseKtabXml } from './ktabXml.js';
import { parseKtabCsv } from './ktabCsv.js';

const FIX = fileURLToPath(new URL('../../../test/fixtures/ktab/scenarios/', import.meta.url));
const read = (f: string) => readFileSync(FIX + f, 'utf8');
/** smpExample.xml with its empty <dCoord> filled with 52.8, the value of KTAB's 2017 revision (scenarios/README.md). */
const example = () => read('smpExample.xml').replace('<dCoord></dCoord>', '<dCoord>52.8</dCoord>');

describe('KTAB XML reader (smp.md §4)', () => {
  it('reads dummyData_3Dim_fixed.xml as the same actors as the CSV', () => {
    const x = parseKtabXml(read('dummyData_3Dim_fixed.xml'), 'f.xml');
    const c = parseKtabCsv(read('dummyData_3Dim.csv'), 'f.csv');
    expect(x.ok && c.ok).toBe(true);
    if (!x.ok || !c.ok) return;
    expect(x.value.format).toBe('ktab-xml');
    expect(x.value.actors).toEqual(c.value.actors);
    expect(x.value.dimensions).toEqual(c.value.dimensions);
    expect(x.value.smp).toEqual({ seed: '03707583219545544125' }); // the identity iaPair leaves no accommodation
  });

  it('reads ModelParameters and IdealAdjustment into scenario.smp (repaired smpExample.xml)', () => {
    const r = parseKtabXml(example(), 'e.xml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.smp?.params).toMatchObject({ PCEModel: 'MarkovIncentive', StateTransitions: 'Stochastic', VotingRule: 'PropCbc' });
    const A = r.value.smp!.accommodation!;
    expect(A[0]).toEqual([0.87, 0, 0, 0, 0]);
    expect(A[1]).toEqual([0.07, 0.75, 0, 0, 0]);
    expect(A[2]).toEqual([0, 0, 0.65, 0.13, 0]);
    expect(A[4]).toEqual([0, 0, 0, 0, 1]);
    expect(r.value.actors[0].position[r.value.dimensions[0].id].value).toBe(52.8);
  });

  it('names the missing parameter, a bad value, and accepts the XSD spellings with a warning', () => {
    const noVpm = parseKtabXml(example().replace(/<VictoryProbModel>.*<\/VictoryProbModel>/, ''), 'e.xml');
    expect(noVpm.ok).toBe(false);
    if (!noVpm.ok) expect(noVpm.issues[0].message).toMatch(/lacks <VictoryProbModel>/);
    const bad = parseKtabXml(example().replace('<PCEModel>MarkovIncentive', '<PCEModel>Markov'), 'e.xml');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ line: 9, message: expect.stringMatching(/"Markov" is not one of/) });
    const xsd = parseKtabXml(example().replace('<VotingRule>PropCbc', '<VotingRule>Proportional'), 'e.xml');
    expect(xsd.ok).toBe(true);
    if (xsd.ok) {
      expect(xsd.value.smp?.params?.VotingRule).toBe('Prop');
      expect(xsd.warnings[0].message).toMatch(/XSD/);
    }
  });

  it('rejects bad adjustments: unknown names and rows summing above 1', () => {
    const r = parseKtabXml(example().replace('<referencePos>Alice</referencePos>\n      <adjust>0.07', '<referencePos>Zed</referencePos>\n      <adjust>0.07'), 'e.xml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toMatch(/"Zed" is not an actor's name/);
    const over = parseKtabXml(example().replace('<adjust>0.75</adjust>', '<adjust>0.95</adjust>'), 'e.xml');
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.issues[0].message).toMatch(/Bob's ideal sum to/);
  });

  it('rejects zero capability, and reports malformed XML with its line', () => {
    const z = parseKtabXml(read('dummyData_3Dim_fixed.xml').replace('<capability>53.393</capability>', '<capability>0</capability>'), 'f.xml');
    expect(z.ok).toBe(false);
    if (!z.ok) expect(z.issues[0].message).toMatch(/must be above 0/);
    const m = parseKtabXml('<Scenario>\n<name>x</name>\n<oops>\n</Scenario>', 'm.xml');
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.issues[0]).toMatchObject({ line: expect.any(Number), message: expect.stringMatching(/not well-formed XML/) });
  });

  it('does not expand entities', () => {
    const text = read('dummyData_3Dim_fixed.xml')
      .replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?>\n<!DOCTYPE Scenario [<!ENTITY big "EXPANDED">]>')
      .replace('<name>SActor-00</name>', '<name>&big;</name>');
    const r = parseKtabXml(text, 'e.xml');
    if (r.ok) expect(r.value.actors[0].name).not.toContain('EXPANDED');
  });
});
