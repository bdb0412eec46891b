import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { memoryIo } from './io.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sharedSources = join(root, '..', 'shared', 'sources');
const dir = mkdtempSync(join(tmpdir(), 'fulcrum-cli-'));

async function cli(...args: string[]) {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('fulcrum run', () => {
  it('forecasts the built-in Iraq case by default, in a readable table with the scale words', async () => {
    const r = await cli('run');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Iraq and the future of the U.S. military presence');
    expect(r.out).toContain('Al-Sudani government');
    expect(r.out).toMatch(/compromise\s+\d/);
    expect(r.out).toMatch(/median\s+\d/);
    expect(r.out).toContain('0 = immediate full withdrawal of U.S./coalition forces');
  });

  it('prints the contract JSON for --engine compromise', async () => {
    const r = await cli('run', 'builtin:iraq-2024', '--engine', 'compromise', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j).slice(0, 6)).toEqual(['scenario', 'engine', 'options', 'rounds', 'forecast', 'stop']);
    expect(j.engine).toBe('compromise');
    expect(j.scenario.actors).toHaveLength(9);
    expect(j.scenario.dimensions).toHaveLength(2);
    expect(j.rounds[0].positions).toHaveLength(9);
    expect(j.rounds[0].positions[0]).toEqual([70, 90]);
    expect(j.forecast.position).toHaveLength(2);
    expect(j.forecast.position.every(Number.isFinite)).toBe(true);
  });

  it('wraps every engine in {results} with --engine all', async () => {
    const r = await cli('run', '--engine', 'all', '--format', 'json');
    const j = JSON.parse(r.out);
    expect(j.results.map((x: { engine: string }) => x.engine)).toContain('median');
  });

  it('prints long-format CSV', async () => {
    const r = await cli('run', '--engine', 'median', '--format', 'csv');
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('engine,round,actor,dimension,position');
    expect(lines).toContain('median,0,us-gov,presence,70');
    expect(lines.filter((l) => l.startsWith('median,forecast,'))).toHaveLength(2);
  });

  it('is byte-identical across runs', async () => {
    const a = await cli('run', '--format', 'json');
    const b = await cli('run', '--format', 'json');
    expect(a.out).toBe(b.out);
  });

  const bad: [string, string[], RegExp][] = [
    ['unknown engine', ['run', '--engine', 'nope'], /unknown engine "nope"/],
    ['unknown option', ['run', '--engine', 'compromise', '--set', 'bogus=1'], /--set bogus: unknown option for engine compromise/],
    ['malformed --set', ['run', '--set', 'novalue'], /expected key=value/],
    ['unknown format', ['run', '--format', 'xls'], /unknown format "xls"/],
    ['missing file', ['run', 'no/such/file.yaml'], /no\/such\/file\.yaml: cannot read scenario: no such file/],
    ['unknown command', ['frobnicate'], /unknown command/],
    ['unknown flag', ['run', '--frob'], /unknown option/],
  ];
  for (const [what, args, re] of bad) {
    it(`exits 2 with a clear message on ${what}`, async () => {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(re);
      expect(r.err).not.toMatch(/\n\s+at /);
    });
  }
});

describe('fulcrum check', () => {
  it('verifies every quote of the built-in case against the article', async () => {
    const r = await cli('check', 'builtin:iraq-2024', '--sources', sharedSources);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const m = /(\d+) of (\d+) quotes verified/.exec(r.out);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(Number(m![2]));
    expect(Number(m![1])).toBeGreaterThan(20);
  });

  it('fails with file:line when a quote is not in its source', async () => {
    const text = readFileSync(join(root, 'scenarios', 'iraq-2024.yaml'), 'utf8').replace(
      'quote: maintaining close relations with Washington is crucial',
      'quote: maintaining frosty relations with Washington is crucial',
    );
    const file = join(dir, 'tampered.yaml');
    writeFileSync(file, text);
    const r = await cli('check', file, '--sources', sharedSources);
    expect(r.code).toBe(2);
    const line = text.split('\n').findIndex((l) => l.includes('frosty')) + 1;
    expect(r.err).toContain(`${file}:${line}: actors[0].capability.evidence[1].quote: quote not found in source "article"`);
  });

  it('ignores differences of whitespace and quote marks', async () => {
    const text = readFileSync(join(root, 'scenarios', 'iraq-2024.yaml'), 'utf8').replace(
      "quote: the country's general budget heavily relies",
      'quote: "the country\u2019s   general budget\\n heavily relies',
    ).replace('denominated in U.S. dollars\n          supports: Washington', 'denominated in U.S. dollars"\n          supports: Washington');
    const file = join(dir, 'spacing.yaml');
    writeFileSync(file, text);
    const r = await cli('check', file, '--sources', sharedSources);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('fulcrum export', () => {
  it('round-trips the built-in case through YAML', async () => {
    const out = join(dir, 'iraq.yaml');
    expect((await cli('export', 'builtin:iraq-2024', '--out', out)).code).toBe(0);
    const a = await cli('run', 'builtin:iraq-2024', '--format', 'json');
    const b = await cli('run', out, '--format', 'json');
    expect(JSON.parse(b.out).results[0].forecast).toEqual(JSON.parse(a.out).results[0].forecast);
  });
});

describe('the installed command', () => {
  const bin = join(root, 'bin', 'fulcrum.js');
  it('runs as a process (built by the tsc step of npm test) and exits 2 without a stack trace on bad input', () => {
    const ok = execFileSync(process.execPath, [bin, 'run', '--engine', 'median', '--format', 'json', '--no-save'], { encoding: 'utf8' });
    expect(JSON.parse(ok).engine).toBe('median');
    const bad = spawnSync(process.execPath, [bin, 'run', join(dir, 'missing.yaml')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^error: .*missing\.yaml: cannot read scenario: no such file\n$/);
  });
});

describe('fulcrum engines', () => {
  it('lists every engine with its options and defaults', async () => {
    const r = await cli('engines');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^compromise — /m);
    expect(r.out).toMatch(/--set variant=scholz\|scholz-fixcap\|masad {2}\(default scholz-fixcap\)/);
    expect(r.out).toMatch(/--set votingRule=.*\(default Prop\)/);
  });
  it('exits 2 on an unknown engine', async () => {
    const r = await cli('engines', 'nope');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown engine "nope"/);
  });
});

describe('fulcrum check with a wrong --sources directory', () => {
  it('reports the missing source file once, not once per quote', async () => {
    const r = await cli('check', 'builtin:iraq-2024', '--sources', dir);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/source file "iraq-and-the-future-of-us-military-presence\.txt" not found in/);
  });
});

describe('bounded work', () => {
  it('refuses an EUM horizon beyond 10,000 rounds and an empty value', async () => {
    const big = await cli('run', '--engine', 'eum', '--set', 'rounds=1e9', '--no-save');
    expect(big.code).toBe(2);
    expect(big.err).toMatch(/--set rounds: must be at most 10000/);
    const empty = await cli('run', '--engine', 'eum', '--set', 'rounds=', '--no-save');
    expect(empty.code).toBe(2);
    expect((await cli('run', '--engine', 'eum', '--set', 'maxRounds=100001', '--no-save')).code).toBe(2);
  });
});

describe('cycling runs in the table', () => {
  it('show the cycle and its mean beside the final median (EUM on the Iraq case cycles on presence)', async () => {
    const r = await cli('run', '--engine', 'eum', '--no-save');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/cycles through \d+–\d+ \(period \d+, mean [\d.]+\): mean /);
    expect(r.err).toBe('');
  });
});
