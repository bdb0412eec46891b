// Monte Carlo throughput on the built-in Iraq case (issue 5 targets: with 2 workers, >= 5,000 EUM runs/s and
// >= 500 SMP runs/s; 10,000 runs of each within a minute in bounded memory), plus CLI start-up time.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../dist/scenario/load.js';
import { runMonteCarlo } from '../dist/analysis/montecarlo.js';
import { engines } from '../dist/engines/index.js';

const s = loadScenario('builtin:iraq-2024');
if (!s.ok) throw new Error('built-in case does not load');
const rows = [];
for (const engine of ['eum', 'smp', 'compromise']) {
  if (!engines[engine]) continue;
  for (const workers of [1, 2]) {
    const runs = 10_000;
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const r = await runMonteCarlo(s.value, { engine, runs, seed: 1, workers });
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    rows.push({ engine, workers, runs, seconds: +(ms / 1000).toFixed(2), runsPerSecond: Math.round((runs / ms) * 1000), rssGrowthMB: +((process.memoryUsage().rss - rss0) / 2 ** 20).toFixed(1) });
  }
}
console.table(rows);

const bin = fileURLToPath(new URL('../bin/fulcrum.js', import.meta.url));
const times = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  execFileSync(process.execPath, [bin, 'run', '--no-save'], { stdio: 'ignore' });
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`fulcrum run (no arguments, every engine, table): median ${times[2].toFixed(0)} ms over 5 runs (min ${times[0].toFixed(0)} ms)`);
