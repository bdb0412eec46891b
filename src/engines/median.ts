import type { Engine } from './types.js';
import { positionsOf, powerWeights, column, weightedMedian } from './weights.js';

/** The weighted-median model: capability×salience-weighted median per dimension (Black's median voter; eum.md §9). */
export const median: Engine = {
  name: 'median',
  title: 'Weighted median',
  description: 'Capability×salience-weighted median of positions per dimension (the median voter position; Black 1948, as used by Bueno de Mesquita 1994).',
  options: [],
  run(m) {
    const position: number[] = [];
    for (let k = 0; k < m.d; k++) position.push(weightedMedian(column(m, m.position, k), powerWeights(m, k)));
    return {
      engine: 'median',
      options: {},
      rounds: [{ positions: positionsOf(m) }],
      forecast: { position },
      stop: { reason: 'closed-form', rounds: 0 },
    };
  },
};
