import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { memoryIo } from './io.js';

const dir = mkdtempSync(join(tmpdir(), 'fulcrum-cli2-'));

async function cli(...args: string[]) {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('fulcrum mc', () => {
  it('prints identical JSON for --workers 1 and --workers 2 with the same seed', async () => {
    const a = await cli('mc', '--engine', 'compromise', '--runs', '600', '--seed', '9', '--workers', '1', '--format', 'json', '--no-save');
    const b = await cli('mc', '--engine', 'compromise', '--runs', '600', '--seed', '9', '--workers', '2', '--format', 'json', '--no-save');
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(b.out).toBe(a.out);
    const j = JSON.parse(a.out);
    expect(j.completed).toBe(600);
    expect(j.dimensions[0].bands.map((x: { id: string }) => x.id)).toEqual(['exit-now', 'fast-exit', 'phased-exit', 'delayed', 'open-ended']);
    const p = j.dimensions[0].bands.reduce((s: number, x: { probability: number }) => s + x.probability, 0);
    expect(p).toBeCloseTo(1, 6);
  });
  it('prints a readable summary with band probabilities', async () => {
    const r = await cli('mc', '--engine', 'median', '--runs', '200', '--no-save');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/probability of each band:\n\s+[\d.]+%  immediate or near-immediate withdrawal/);
  });
  it('saves the run in the store, listed by `fulcrum runs` and shown by `runs show`', async () => {
    const db = join(dir, 'runs.db');
    const r = await cli('mc', '--engine', 'compromise', '--runs', '100', '--seed', '3', '--db', db);
    expect(r.code).toBe(0);
    const id = /saved as run (\d+)/.exec(r.err)![1];
    const list = await cli('runs', '--db', db);
    expect(list.out).toMatch(new RegExp(`^\\s*${id}\\s.*mc\\s+iraq-2024\\s+compromise\\s+3$`, 'm'));
    const show = await cli('runs', 'show', id, '--db', db);
    expect(show.code).toBe(0);
    expect(show.out).toContain('"completed": 100');
    const exp = await cli('runs', 'export', id, '--db', db);
    const run = JSON.parse(exp.out);
    expect(run.scenario.name).toBe('iraq-2024');
    expect(run.seed).toBe(3);
    expect(run.options).toMatchObject({ runs: 100 });
    expect(run.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
  });
  const bad: [string, string[], RegExp][] = [
    ['runs = 0', ['mc', '--runs', '0', '--no-save'], /--runs: must be a whole number above 0/],
    ['negative runs', ['mc', '--runs', '-3', '--no-save'], /--runs: must be a whole number above 0/],
    ['non-numeric runs', ['mc', '--runs', 'many', '--no-save'], /--runs: must be a number/],
    ['unknown engine', ['mc', '--engine', 'nope', '--no-save'], /unknown engine "nope"/],
    ['bad --db path (a file that is not a database)', ['mc', '--runs', '10', '--db', __filename], /not a Fulcrum database .*left untouched/],
    ['bad --db path (a directory)', ['run', '--db', dir], /is a directory/],
    ['an empty --db path', ['run', '--db', ''], /--db: needs a file path/],
  ];
  for (const [what, args, re] of bad) {
    it(`exits 2 on ${what}`, async () => {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(re);
    });
  }
});

describe('fulcrum whatif', () => {
  it('prints base and shocked forecasts side by side for every engine', async () => {
    const r = await cli('whatif', '--shock', 'isis-resurgence', '--engine', 'compromise,median', '--no-save');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/what if ISIS resurgence/);
    expect(r.out).toMatch(/compromise\s+46\.97\s+5\d\.\d+\s+\+\d/);
  });
  it('JSON rows carry base, shocked and diff', async () => {
    const r = await cli('whatif', '--change', 'sudani.position.presence=80', '--engine', 'median', '--format', 'json', '--no-save');
    const j = JSON.parse(r.out);
    expect(j.rows[0].diff[0]).toBeCloseTo(j.rows[0].shocked[0] - j.rows[0].base[0], 12);
  });
  it('replays the dated shocks as a sequence of states', async () => {
    const r = await cli('whatif', '--sequence', '--engine', 'compromise', '--format', 'json');
    expect(JSON.parse(r.out).states.map((s: { label: string }) => s.label)).toEqual(['base case', 'mediation-halts-attacks', 'ain-al-asad-attacks', 'isis-resurgence', 'dollar-disruption']);
  });
  const bad: [string, string[], RegExp][] = [
    ['unknown shock', ['whatif', '--shock', 'martians'], /--shock: unknown shock "martians"/],
    ['unknown actor in --change', ['whatif', '--change', 'nobody.capability=3'], /--change: unknown actor "nobody"/],
    ['unknown field in --change', ['whatif', '--change', 'kurds.charisma=3'], /--change: unknown field "charisma"/],
    ['nothing to change', ['whatif'], /give at least one --shock/],
    ['a repeated shock', ['whatif', '--shock', 'isis-resurgence', '--shock', 'isis-resurgence'], /shock "isis-resurgence" is given more than once/],
  ];
  for (const [what, args, re] of bad) {
    it(`exits 2 on ${what}, with one message`, async () => {
      const r = await cli(...args, '--no-save');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(re);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    });
  }
  it('sets a negative value with = (no ambiguity with subtracting)', async () => {
    const r = await cli('whatif', '--change', 'sudani.position.presence-=10', '--engine', 'median', '--format', 'json', '--no-save');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).changes[0]).toMatchObject({ op: 'add', value: -10 });
  });
});

describe('fulcrum sensitivity and key-actors', () => {
  it('rank inputs and actors, in a table and in JSON', async () => {
    const t = await cli('key-actors', '--engine', 'compromise');
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/Influence/);
    const j = JSON.parse((await cli('key-actors', '--engine', 'compromise', '--format', 'json')).out);
    expect(j.actors).toHaveLength(9);
    const s = JSON.parse((await cli('sensitivity', '--engine', 'compromise', '--format', 'json')).out);
    expect(s.items[0].effect).toBeGreaterThanOrEqual(s.items[1].effect);
  });
  it('exit 2 on a bad shift or engine', async () => {
    expect((await cli('key-actors', '--shift', '2')).code).toBe(2);
    expect((await cli('sensitivity', '--engine', 'all')).code).toBe(2);
  });
});

describe('fulcrum runs', () => {
  it('listing a store that does not exist says so and creates nothing', async () => {
    const db = join(dir, 'never-made.db');
    const r = await cli('runs', '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/no runs saved/);
    const { existsSync } = await import('node:fs');
    expect(existsSync(db)).toBe(false);
  });
  it('exit 2 on a bad id and on a missing run', async () => {
    const db = join(dir, 'empty.db');
    await cli('run', '--engine', 'median', '--db', db);
    expect((await cli('runs', 'show', 'abc', '--db', db)).code).toBe(2);
    const r = await cli('runs', 'show', '999', '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no run 999/);
  });
  it('exit 2 on a foreign file, which is left as it was', async () => {
    const f = join(dir, 'notes.db');
    writeFileSync(f, 'not sqlite');
    expect((await cli('runs', '--db', f)).code).toBe(2);
  });
});

describe('fulcrum mc and Ctrl-C', () => {
  it('stops cleanly on SIGINT, prints the summary of the finished runs and exits 130', async () => {
    const { spawn } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const bin = fileURLToPath(new URL('../../bin/fulcrum.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'mc', '--engine', 'eum', '--runs', '5000000', '--format', 'json', '--no-save'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    const j = JSON.parse(out);
    expect(j.interrupted).toBe(true);
    expect(j.completed).toBeGreaterThan(0);
    expect(j.completed).toBeLessThan(5000000);
    expect(err).toMatch(/interrupted after \d+ of 5000000 runs/);
  });
});

describe('progress ETA', () => {
  it('rounds before splitting minutes and seconds', async () => {
    const { etaText } = await import('./mcCommand.js');
    expect(etaText(119.6)).toBe('2m00s');
    expect(etaText(65.2)).toBe('1m05s');
    expect(etaText(9.4)).toBe('9s');
  });
});
