// EUM benchmark (issue 3): times the expected utility model on seeded synthetic scenarios of 10, 100, 500 and 1000
// actors × 10 rounds (Scholz-code reading, the costlier one: its probabilities are recomputed with every voter's own
// risk exponent), and on the EC car-emissions data. Run after `npm run build`: `node bench/eum.bench.js`.
// Targets (2-core machine): 100 × 10 < 50 ms; 500 × 10 < 3 s; memory linear in actors × distinct positions.
import { fileURLToPath } from 'node:url';
import { eum } from '../dist/engines/eum/eum.js';
import { rngFor } from '../dist/analysis/rng.js';
import { loadScenario } from '../dist/scenario/load.js';
import { compileModel } from '../dist/engines/model.js';

/** A seeded one-issue scenario on a 0–100 scale: uniform positions, capabilities in (0.1, 1], saliences in (0.05, 1]. */
function synthetic(n, seed = 42) {
  const g = rngFor(seed, n);
  const position = new Float64Array(n);
  const capability = new Float64Array(n);
  const salience = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    position[i] = 100 * g.uniform();
    capability[i] = 0.1 + 0.9 * g.uniform();
    salience[i] = 0.05 + 0.95 * g.uniform();
  }
  position[0] = 0;
  position[n - 1] = 100;
  const actors = Array.from({ length: n }, (_, i) => `A${i + 1}`);
  return {
    name: `synthetic-${n}`, actors, actorIds: actors, dimensions: ['issue'], dimensionIds: ['issue'],
    min: Float64Array.of(0), max: Float64Array.of(100), n, d: 1, capability, position, salience, format: 'native',
  };
}

function time(model, reps) {
  const opts = { variant: 'scholz', rounds: 10 };
  const ms = [];
  let res;
  for (let k = 0; k < reps; k++) {
    const t0 = process.hrtime.bigint();
    res = eum.run(model, opts);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], best: ms[0], res };
}

const ecPath = fileURLToPath(new URL('../test/fixtures/eum/data/ec_car_emissions_1994.csv', import.meta.url));
const ec = loadScenario(ecPath);
if (!ec.ok) throw new Error('cannot load the EC data');
const cases = [
  ['EC car emissions (BDM 1994)', compileModel(ec.value), 50],
  ['synthetic', synthetic(10), 50],
  ['synthetic', synthetic(100), 15],
  ['synthetic', synthetic(500), 3],
  ['synthetic', synthetic(1000), 1],
];
const targets = { 100: 50, 500: 3000 };
console.log('EUM, variant=scholz, 10 rounds (Node ' + process.version + ')');
console.log('| case | actors | median ms | best ms | runs | scratch (2·n·n doubles) | target |');
console.log('|---|---:|---:|---:|---:|---:|---|');
let failed = false;
for (const [label, model, reps] of cases) {
  time(model, reps > 3 ? 3 : 0); // warm-up
  const { median, best } = time(model, reps);
  const scratchMiB = (2 * model.n * model.n * 8) / 2 ** 20;
  const target = targets[model.n];
  const verdict = label === 'synthetic' && target ? (median < target ? `< ${target} ms ✓` : `< ${target} ms ✗`) : '';
  if (verdict.endsWith('✗')) failed = true;
  console.log(`| ${label} | ${model.n} | ${median.toFixed(2)} | ${best.toFixed(2)} | ${reps} | ${scratchMiB < 0.01 ? '<0.01' : scratchMiB.toFixed(2)} MiB | ${verdict} |`);
}
if (failed) process.exitCode = 1;
