import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseScenarioText } from './load.js';
import type { Result } from './issues.js';
import type { Scenario } from './types.js';

const iraq = readFileSync(fileURLToPath(new URL('../../scenarios/iraq-2024.yaml', import.meta.url)), 'utf8');
const actorCsv = 'actor,capability,position,salience\nA,1,0,0.5\nB,2,10,1\nC,3,5,0.2\n';

/** The fuzz property: errors as data or a valid scenario, never a throw. */
function wellBehaved(r: Result<Scenario>): boolean {
  if (r.ok) return r.value.actors.length >= 2 && r.value.dimensions.length >= 1;
  return r.issues.length > 0 && r.issues.every((i) => typeof i.message === 'string' && i.message.length > 0 && i.file === 'fuzz' + ext);
}
let ext = '.yaml';

/** Applies random line-level edits (delete, duplicate, swap, splice garbage) to a text. */
const mutated = (base: string) =>
  fc
    .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 4 }), fc.string({ maxLength: 12 })), { maxLength: 6 })
    .map((edits) => {
      const lines = base.split('\n');
      for (const [at, op, junk] of edits) {
        const i = at % lines.length;
        if (op === 0) lines.splice(i, 1);
        else if (op === 1) lines.splice(i, 0, lines[i]);
        else if (op === 2) lines[i] = lines[i].slice(0, junk.length) + junk;
        else if (op === 3) lines[i] = lines[i].replace(/\d+(\.\d+)?/, junk);
        else lines[i] = junk + lines[i];
      }
      return lines.join('\n');
    });

describe('loader fuzz (fast-check)', () => {
  for (const e of ['.yaml', '.json', '.csv', '.xml']) {
    it(`never throws on arbitrary text as ${e}`, () => {
      ext = e;
      fc.assert(fc.property(fc.string({ maxLength: 400 }), (t) => wellBehaved(parseScenarioText(t, 'fuzz' + e))), { numRuns: 300 });
    });
  }
  it('never throws on mutations of the built-in case', () => {
    ext = '.yaml';
    fc.assert(fc.property(mutated(iraq), (t) => wellBehaved(parseScenarioText(t, 'fuzz.yaml'))), { numRuns: 300 });
  });
  it('never throws on mutations of an actor CSV', () => {
    ext = '.csv';
    fc.assert(fc.property(mutated(actorCsv), (t) => wellBehaved(parseScenarioText(t, 'fuzz.csv'))), { numRuns: 300 });
  });
  it('never throws on arbitrary JSON values', () => {
    ext = '.json';
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => wellBehaved(parseScenarioText(JSON.stringify(v) ?? 'null', 'fuzz.json'))), { numRuns: 300 });
  });
  it('keeps the original line numbers valid: every reported line exists in the text', () => {
    ext = '.yaml';
    fc.assert(
      fc.property(mutated(iraq), (t) => {
        const r = parseScenarioText(t, 'fuzz.yaml');
        const n = t.split('\n').length;
        return r.ok || r.issues.every((i) => i.line === undefined || (i.line >= 1 && i.line <= n));
      }),
      { numRuns: 200 },
    );
  });
});
