import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load.js';
import { caseSummary, README_END, README_START, replaceSection } from './caseSummary.js';

describe('README case analysis', () => {
  it('is what `npm run readme` produces from real runs today (regenerate it after changing engines or the case)', async () => {
    const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
    const s = loadScenario('builtin:iraq-2024');
    if (!s.ok) throw new Error('built-in case does not load');
    const fresh = replaceSection(readme, await caseSummary(s.value));
    expect(readme).toBe(fresh);
    expect(readme.indexOf(README_START)).toBeGreaterThan(0);
    expect(readme).toContain(README_END);
  });
  it('replaceSection refuses a README without markers', () => {
    expect(() => replaceSection('no markers', 'x')).toThrow(/markers/);
  });
});
