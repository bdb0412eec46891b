import { describe, expect, it } from 'vitest';
import { guessFormat } from './guessFormat.js';

describe('guessFormat', () => {
  it('goes by the file name first', () => {
    expect(guessFormat('anything', 'x.csv')).toBe('csv');
    expect(guessFormat('{', 'x.YML')).toBe('yaml');
  });
  it('recognises pasted CSVs: actor CSV with # comments, and KTAB CSV', () => {
    expect(guessFormat('# source: BDM 1994\nactor,capability,position,salience\nA,1,2,0.5\n')).toBe('csv');
    expect(guessFormat('Demo,"three-actor toy",3,2,\nActor,Description,Power,A,B,C,D,\n')).toBe('csv');
  });
  it('keeps YAML, JSON and XML apart', () => {
    expect(guessFormat('name: demo\ntitle: x, y, z, w\n')).toBe('yaml');
    expect(guessFormat('  {"name": 1}')).toBe('json');
    expect(guessFormat('<Scenario>')).toBe('xml');
  });
});
