// Regenerates the "Iraq case, analysed" section of README.md from real runs (npm run readme).
import { readFileSync, writeFileSync } from 'node:fs';
import { loadScenario } from '../dist/scenario/load.js';
import { caseSummary, replaceSection } from '../dist/analysis/caseSummary.js';

const readmeUrl = new URL('../README.md', import.meta.url);
const s = loadScenario('builtin:iraq-2024');
if (!s.ok) throw new Error('the built-in case does not load');
const section = await caseSummary(s.value);
writeFileSync(readmeUrl, replaceSection(readFileSync(readmeUrl, 'utf8'), section));
console.log('README.md: case analysis regenerated');
