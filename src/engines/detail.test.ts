import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load.js';
import { compileModel } from './model.js';
import { engines } from './index.js';
import { resolveOptions } from './options.js';

// The Monte Carlo path asks engines for detail = 'forecast'; the forecast and stop must not change.
describe('run detail', () => {
  const loaded = loadScenario('builtin:iraq-2024');
  if (!loaded.ok) throw new Error('built-in case does not load');
  const model = compileModel(loaded.value);
  for (const [name, engine] of Object.entries(engines)) {
    for (const variant of name === 'eum' ? ['scholz', 'scholz-fixcap', 'masad'] : [undefined]) {
      it(`${name}${variant ? ` (${variant})` : ''}: 'forecast' gives the same forecast and stop as 'full'`, () => {
        const opts = resolveOptions(engine, variant ? { variant } : {});
        if (!opts.ok) throw new Error('options');
        const full = engine.run(model, opts.value, undefined, 'full');
        const lean = engine.run(model, opts.value, undefined, 'forecast');
        expect(lean.forecast).toEqual(full.forecast);
        expect(lean.stop).toEqual(full.stop);
        expect(lean.rounds[lean.rounds.length - 1].positions).toEqual(full.rounds[full.rounds.length - 1].positions);
      });
    }
  }
});
