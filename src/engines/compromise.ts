import type { Engine } from './types.js';
import { positionsOf, powerWeights, column, weightedMean } from './weights.js';

/** The compromise model: capability×salience-weighted mean per dimension (Achen 2006; Thomson et al., The European Union Decides). */
export const compromise: Engine = {
  name: 'compromise',
  title: 'Compromise (weighted mean)',
  description: 'Capability×salience-weighted mean of positions per dimension (Achen, in Thomson et al. 2006).',
  options: [],
  run(m) {
    const position: number[] = [];
    for (let k = 0; k < m.d; k++) position.push(weightedMean(column(m, m.position, k), powerWeights(m, k)));
    return {
      engine: 'compromise',
      options: {},
      rounds: [{ positions: positionsOf(m) }],
      forecast: { position },
      stop: { reason: 'closed-form', rounds: 0 },
    };
  },
};
