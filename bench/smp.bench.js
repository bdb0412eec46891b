// SMP benchmark (issue 4): KTAB's Spatial Model of Politics on KTAB's dummyData-a040/-a080/-a160 and SOE-Competitive
// (test/fixtures/ktab/scenarios) and on seeded synthetic 60×1, 100×1 and 100×3 scenarios, KTAB's default parameters.
// Each case runs in a fresh child process (so "cold" includes JIT warm-up, as KTAB's process timings do, and the peak
// RSS is that case's own), then twice more warm. Run after `npm run build`: `node bench/smp.bench.js`.
// Targets (smp.md timings, 2 vCPU): ≥ 100× faster than KTAB; dummyData-a160 < 3 s; peak memory < 300 MB.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const fixture = (f) => fileURLToPath(new URL(`../test/fixtures/ktab/scenarios/${f}`, import.meta.url));

/**
 * KTAB smpc's times on a 2-vCPU machine (models/smp.md "Reference runs"): measured totals where the same input was
 * run, else per-turn rates (60 actors: 52 s / 31 turns; 100 actors: about 11 s per turn) times our turn count.
 */
const KTAB = {
  'dummyData-a040': { total: 7.7 },
  'SOE-Competitive': { total: 9.5 },
  'synthetic-60x1': { perTurn: 52 / 31 },
  'synthetic-100x1': { perTurn: 11 },
  'synthetic-100x3': { perTurn: 11 },
};

const CASES = [
  ['dummyData-a040', { file: 'dummyData-a040.csv' }],
  ['dummyData-a080', { file: 'dummyData-a080.csv' }],
  ['dummyData-a160', { file: 'dummyData-a160.csv' }],
  ['SOE-Competitive', { file: 'SOE-Competitive.csv' }],
  ['synthetic-60x1', { n: 60, d: 1 }],
  ['synthetic-100x1', { n: 100, d: 1 }],
  ['synthetic-100x3', { n: 100, d: 3 }],
];

/**
 * A seeded synthetic scenario drawn like KTAB's `--euSMP` (smp.md §3.7): capabilities U(10,200), positions U(0,100),
 * saliences U(0.1,1) rescaled to a total U(0.75,0.99).
 */
function synthetic(rngFor, n, d, seed = 2024) {
  const g = rngFor(seed, 100 * n + d);
  const capability = new Float64Array(n);
  const position = new Float64Array(n * d);
  const salience = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    capability[i] = 10 + 190 * g.uniform();
    let tot = 0;
    for (let k = 0; k < d; k++) {
      position[i * d + k] = 100 * g.uniform();
      salience[i * d + k] = 0.1 + 0.9 * g.uniform();
      tot += salience[i * d + k];
    }
    const target = 0.75 + 0.24 * g.uniform();
    for (let k = 0; k < d; k++) salience[i * d + k] *= target / tot;
  }
  const actors = Array.from({ length: n }, (_, i) => `S${String(i).padStart(3, '0')}`);
  const dims = Array.from({ length: d }, (_, k) => `dim${k + 1}`);
  return {
    name: `synthetic-${n}x${d}`, actors, actorIds: actors, dimensions: dims, dimensionIds: dims,
    min: new Float64Array(d).fill(0), max: new Float64Array(d).fill(100), n, d, capability, position, salience, format: 'yaml',
  };
}

async function runCase(name) {
  const spec = Object.fromEntries(CASES)[name];
  const { smp } = await import('../dist/engines/smp/smp.js');
  const { rngFor } = await import('../dist/analysis/rng.js');
  const { loadScenario } = await import('../dist/scenario/load.js');
  const { compileModel } = await import('../dist/engines/model.js');
  let model;
  if (spec.file) {
    const r = loadScenario(fixture(spec.file));
    if (!r.ok) throw new Error(`cannot load ${spec.file}`);
    model = compileModel(r.value);
  } else model = synthetic(rngFor, spec.n, spec.d);
  const options = Object.fromEntries(smp.options.map((o) => [o.name, o.default]));
  const times = [];
  let res;
  for (let k = 0; k < 3; k++) {
    const t0 = process.hrtime.bigint();
    res = smp.run(model, options);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (times[0] > 20000) break;
  }
  const warm = times.slice(1).sort((a, b) => a - b)[0] ?? times[0];
  process.stdout.write(JSON.stringify({ n: model.n, d: model.d, turns: res.rounds.length - 1, coldMs: times[0], warmMs: warm, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

function main() {
  console.log(`SMP (KTAB defaults, Deterministic), Node ${process.version}, one child process per case`);
  console.log('| case | actors × dims | turns | cold ms | warm ms | peak RSS MB | KTAB s | speed-up (cold) | speed-up (warm) |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  let failed = false;
  for (const [name] of CASES) {
    const child = spawnSync(process.execPath, [self, '--case', name], { encoding: 'utf8' });
    if (child.status !== 0) {
      console.log(`| ${name} | failed: ${child.stderr.trim().split('\n').pop()} |`);
      failed = true;
      continue;
    }
    const r = JSON.parse(child.stdout.trim().split('\n').pop());
    const k = KTAB[name];
    const ktab = k ? (k.total ?? k.perTurn * r.turns) : undefined;
    const ktabCell = ktab === undefined ? '—' : `${ktab.toFixed(1)}${k.total ? '' : ' (est.)'}`;
    const up = (ms) => (ktab === undefined ? '—' : `${Math.round((ktab * 1000) / ms)}×`);
    if (ktab !== undefined && (ktab * 1000) / r.coldMs < 100) failed = true;
    if (name === 'dummyData-a160' && r.coldMs >= 3000) failed = true;
    if (r.maxRssMB >= 300) failed = true;
    console.log(`| ${name} | ${r.n} × ${r.d} | ${r.turns} | ${r.coldMs.toFixed(0)} | ${r.warmMs.toFixed(0)} | ${r.maxRssMB.toFixed(0)} | ${ktabCell} | ${up(r.coldMs)} | ${up(r.warmMs)} |`);
  }
  console.log(failed ? 'targets: MISSED (≥100× KTAB, a160 < 3 s, < 300 MB)' : 'targets met: ≥100× KTAB, a160 < 3 s, < 300 MB');
  if (failed) process.exitCode = 1;
}

const at = process.argv.indexOf('--case');
if (at > 0) await runCase(process.argv[at + 1]);
else main();
