import type { Command } from 'commander';
import { loadScenario } from '../scenario/load.js';
import { DEFAULT_SCENARIO } from '../scenario/builtin.js';
import { parseSetArgs } from '../engines/options.js';
import { runMonteCarlo, type MonteCarloSummary } from '../analysis/montecarlo.js';
import type { Scenario } from '../scenario/types.js';
import type { Issue } from '../scenario/issues.js';
import { fmt } from '../scenario/describeValue.js';
import { EXIT_OK, reportIssues, reportWarnings } from './exitCodes.js';
import type { Io } from './io.js';
import { collect } from './runCommand.js';
import { openStoreFor, saveRun, withStoreFlags, type StoreFlags } from './storeFlags.js';
import { textTable } from './renderRunTable.js';

/** Exit code after Ctrl-C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

interface McFlags extends StoreFlags {
  engine: string;
  runs: string;
  seed: string;
  workers: string;
  set: string[];
  noise: string[];
  format: string;
}

const BARS = ' ▁▂▃▄▅▆▇█';

/** Seconds as "1m05s" (rounded first, so never "1m60s"). */
export function etaText(t: number): string {
  const s = Math.max(0, Math.round(t));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** A one-line text histogram. */
function spark(counts: number[]): string {
  const max = Math.max(...counts, 1);
  return counts.map((c) => BARS[Math.round((c / max) * (BARS.length - 1))]).join('');
}

/** The Monte Carlo summary as readable text. */
export function renderMonteCarlo(s: Scenario, m: MonteCarloSummary): string {
  let out = `${s.title}: Monte Carlo, engine ${m.engine}, ${m.completed} of ${m.runs} runs, seed ${m.seed}${m.interrupted ? ' (interrupted)' : ''}\n`;
  out += `default noise where no uncertainty is given: position sd ${m.noise.position} × scale, salience sd ${m.noise.salience}, capability sd ${m.noise.capability} × value\n`;
  m.dimensions.forEach((d, k) => {
    const dim = s.dimensions[k];
    out += `\n${d.title}\n`;
    out += textTable(
      ['mean', 'sd', 'p5', 'p25', 'median', 'p75', 'p95'],
      [[d.mean, d.sd, d.percentiles.p5, d.percentiles.p25, d.percentiles.p50, d.percentiles.p75, d.percentiles.p95].map((x) => fmt(x))],
      [true, true, true, true, true, true, true],
    )
      .split('\n')
      .map((l) => (l ? '  ' + l : l))
      .join('\n');
    out += `  ${fmt(dim.scale.min)} ${spark(d.histogram.counts)} ${fmt(dim.scale.max)}\n`;
    if (d.bands.length) {
      out += '  probability of each band:\n';
      for (const b of d.bands) out += `    ${(b.probability * 100).toFixed(1).padStart(5)}%  ${b.label} (${fmt(b.from)}–${fmt(b.to)})\n`;
    }
  });
  return out;
}

function parseNoise(args: string[], issues: Issue[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of args) {
    const [k, v] = a.split('=');
    if (v === undefined) issues.push({ path: '--noise', message: `expected KIND=VALUE, e.g. position=0.05 (got "${a}")` });
    else out[k.trim()] = Number(v);
  }
  return out;
}

/** `fulcrum mc SCENARIO --engine E --runs N --seed S [--workers W]`: Monte Carlo over input uncertainty. */
export async function mcCommand(io: Io, ref: string | undefined, flags: McFlags): Promise<number> {
  const issues: Issue[] = [];
  if (!['table', 'json'].includes(flags.format)) issues.push({ path: '--format', message: `unknown format "${flags.format}"; use table or json` });
  const num = (v: string, flag: string) => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) issues.push({ path: flag, message: `must be a number (got "${v}")` });
    return n;
  };
  const runs = num(flags.runs, '--runs');
  const seed = num(flags.seed, '--seed');
  const workers = num(flags.workers, '--workers');
  const sets = parseSetArgs(flags.set);
  if (!sets.ok) issues.push(...sets.issues);
  const noise = parseNoise(flags.noise, issues);
  const loaded = loadScenario(ref ?? DEFAULT_SCENARIO);
  if (!loaded.ok) issues.push(...loaded.issues);
  if (issues.length || !loaded.ok) return reportIssues(io, issues);
  const store = openStoreFor(flags);
  if (!store.ok) return reportIssues(io, store.issues);
  reportWarnings(io, loaded.warnings);
  const abort = new AbortController();
  const onSigint = () => {
    if (abort.signal.aborted) process.exit(130);
    io.err('\ninterrupted: finishing the runs in flight (Ctrl-C again to quit at once)\n');
    abort.abort();
  };
  process.on('SIGINT', onSigint);
  const { SingleBar } = io.isTTY ? await import('cli-progress') : { SingleBar: undefined };
  const bar = SingleBar ? new SingleBar({ format: 'Monte Carlo |{bar}| {percentage}% {value}/{total} runs, ETA {eta_formatted}', stream: process.stderr, hideCursor: true, formatTime: etaText }) : undefined;
  bar?.start(Number.isFinite(runs) && runs > 0 ? runs : 1, 0);
  const t0 = performance.now();
  try {
    const r = await runMonteCarlo(loaded.value, {
      engine: flags.engine,
      options: sets.ok ? sets.value : {},
      runs,
      seed,
      workers,
      noise,
      signal: abort.signal,
      onProgress: (done) => bar?.update(done),
    });
    bar?.stop();
    if (!r.ok) return reportIssues(io, r.issues);
    const ms = performance.now() - t0;
    const m = r.value;
    if (flags.format === 'json') {
      io.out(JSON.stringify({ scenario: { name: loaded.value.name, title: loaded.value.title, dimensions: loaded.value.dimensions.map((d) => d.title) }, ...m }, null, 2) + '\n');
    } else io.out(renderMonteCarlo(loaded.value, m));
    io.err(`${m.completed} runs in ${(ms / 1000).toFixed(2)} s (${Math.round((m.completed / ms) * 1000)} runs/s, ${workers} worker${workers === 1 ? '' : 's'})\n`);
    saveRun(io, store.value, loaded.value, { kind: 'mc', engine: m.engine, options: { ...m.options, runs: m.runs, workers, noise: m.noise }, seed: m.seed, result: m, timings: { totalMs: ms } });
    if (m.interrupted) {
      io.err(`interrupted after ${m.completed} of ${m.runs} runs; the summary covers the finished runs\n`);
      return EXIT_INTERRUPTED;
    }
    return EXIT_OK;
  } finally {
    bar?.stop();
    process.off('SIGINT', onSigint);
    store.value?.close();
  }
}

/** Registers `mc` on the program. */
export function registerMc(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('mc')
    .description('Monte Carlo over input uncertainty: the forecast\'s distribution, percentiles and band probabilities')
    .argument('[scenario]', 'scenario file or builtin:NAME', DEFAULT_SCENARIO)
    .option('-e, --engine <name>', 'engine (one)', 'eum')
    .option('-n, --runs <n>', 'number of runs', '1000')
    .option('--seed <s>', 'random seed (same seed, same output)', '1')
    .option('-w, --workers <w>', 'worker threads', '1')
    .option('-s, --set <key=value>', 'engine option (repeatable)', collect, [])
    .option('--noise <kind=value>', 'default noise where the scenario gives none: position=0.05, salience=0.05, capability=0.1 (repeatable)', collect, [])
    .option('-f, --format <format>', 'table|json', 'table');
  withStoreFlags(cmd).action(async (scenario: string | undefined, flags: McFlags) => setExit(await mcCommand(io, scenario, flags)));
}
