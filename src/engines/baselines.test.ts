import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../scenario/load.js';
import { compileModel } from './model.js';
import { compromise } from './compromise.js';
import { median } from './median.js';
import { weightedMedian } from './weights.js';

// EC car emissions, Bueno de Mesquita (1994) via Scholz, Calbert & Smith (2011) Table 1
// (shared/reference/eum/data/ec_car_emissions_1994.csv).
const EC = `actor,capability,position,salience
Netherlands,0.08,4,0.8
Belgium,0.08,7,0.4
Luxembourg,0.03,4,0.2
Germany,0.16,4,0.8
France,0.16,10,0.6
Italy,0.16,10,0.6
UK,0.16,10,0.9
Ireland,0.05,7,0.1
Denmark,0.05,4,1.0
Greece,0.08,7,0.7
`;
// Columbus' petition, as coded in shared/reference/eum/data/columbus_1492.csv (saliences already 0-1).
const COLUMBUS = `actor,capability,position,salience
Ferdinand,100,0,0.4
Isabella,70,25,0.6
Columbus,10,100,1.0
Santangel,10,100,0.9
Talavera,20,0,0.7
`;

function model(text: string) {
  const r = parseScenarioText(text, 'x.csv');
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return compileModel(r.value);
}

describe('baselines', () => {
  it('compromise matches the weighted mean in the reference vectors (baselines_initial)', () => {
    // ec_car_emissions_1994.jmckib.json baselines_initial.weighted_mean = 7.3899556869
    expect(compromise.run(model(EC), {}).forecast.position[0]).toBeCloseTo(7.3899556869, 9);
  });
  it('median matches the weighted median in the reference vectors (baselines_initial)', () => {
    // ec_car_emissions_1994.jmckib.json baselines_initial.weighted_median = 7.0
    expect(median.run(model(EC), {}).forecast.position[0]).toBe(7);
  });
  it('weighted median takes the first position reaching half the weight', () => {
    expect(weightedMedian([1, 2, 3], [1, 1, 1])).toBe(2);
    expect(weightedMedian([3, 1, 2], [1, 1, 2])).toBe(2);
    expect(weightedMedian([1, 2], [1, 1])).toBe(1);
    expect(weightedMedian([5, 1], [0, 0])).toBeNaN();
  });
  it('returns the input as round 0 and a closed-form stop', () => {
    const r = compromise.run(model(COLUMBUS), {});
    expect(r.rounds).toHaveLength(1);
    expect(r.rounds[0].positions.map((p) => p[0])).toEqual([0, 25, 100, 100, 0]);
    expect(r.stop).toEqual({ reason: 'closed-form', rounds: 0 });
  });
});
