import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { RunStore, SCHEMA_VERSION } from './runStore.js';

const dir = mkdtempSync(join(tmpdir(), 'fulcrum-store-'));
const record = (i: number) => ({
  kind: 'run',
  scenarioName: 'demo',
  scenario: { name: 'demo', i },
  engine: 'median',
  options: { a: 1 },
  seed: i,
  result: { forecast: [i] },
  timings: { ms: 1 },
  version: 'test',
});

function open(path: string): RunStore {
  const r = RunStore.open(path);
  if (!r.ok) throw new Error(r.issues[0].message);
  return r.value;
}

describe('RunStore', () => {
  it('saves, lists and returns runs with content, hash and options', () => {
    const s = open(join(dir, 'a.db'));
    const id = s.saveRun(record(7));
    const got = s.getRun(id)!;
    expect(got).toMatchObject({ id, kind: 'run', scenarioName: 'demo', engine: 'median', seed: 7, version: 'test', result: { forecast: [7] } });
    expect(got.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(s.listRuns().map((r) => r.id)).toEqual([id]);
    expect(s.getRun(id + 1)).toBeUndefined();
    s.close();
  });

  it('uses WAL mode and records its schema version', () => {
    const path = join(dir, 'wal.db');
    open(path).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('versions saved scenarios, keeping the version when nothing changed', () => {
    const s = open(join(dir, 'sc.db'));
    expect(s.saveScenario('iraq', { title: 'v1' })).toEqual({ name: 'iraq', version: 1 });
    expect(s.saveScenario('iraq', { title: 'v1' })).toEqual({ name: 'iraq', version: 1 });
    expect(s.saveScenario('iraq', { title: 'v2' })).toEqual({ name: 'iraq', version: 2 });
    expect(s.getScenario('iraq')).toEqual({ title: 'v2' });
    expect(s.getScenario('iraq', 1)).toEqual({ title: 'v1' });
    expect(s.listScenarios()).toMatchObject([{ name: 'iraq', version: 2, title: 'v2' }]);
    s.close();
  });

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'my precious notes\n');
    const r = RunStore.open(path);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toMatch(/not a Fulcrum database .*left untouched/);
    expect(readFileSync(path, 'utf8')).toBe('my precious notes\n');
  });

  it("refuses another application's SQLite database and leaves it untouched", () => {
    const path = join(dir, 'foreign.db');
    const db = new Database(path);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    db.close();
    const before = readFileSync(path);
    const r = RunStore.open(path);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toMatch(/another application/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a corrupt store and leaves it untouched', () => {
    const path = join(dir, 'corrupt.db');
    const s = open(path);
    s.saveRun(record(1));
    s.close();
    const bytes = readFileSync(path);
    for (let i = 100; i < bytes.length; i++) bytes[i] = 0xa5; // keep the SQLite header, garble the rest
    writeFileSync(path, bytes);
    const r = RunStore.open(path);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toMatch(/corrupt|not a Fulcrum database/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('refuses a store from a newer schema', () => {
    const path = join(dir, 'newer.db');
    open(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const r = RunStore.open(path);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toMatch(/newer Fulcrum/);
  });

  it('reports a path it cannot create', () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, '');
    const r = RunStore.open(join(file, 'sub', 'runs.db'));
    expect(r.ok).toBe(false);
  });

  it('loses nothing when two processes create and write one new store at once (6 fresh stores)', async () => {
    const storeJs = fileURLToPath(new URL('../../dist/store/runStore.js', import.meta.url));
    const script = `
      const { RunStore } = await import(${JSON.stringify(storeJs)});
      const r = RunStore.open(process.argv[1]);
      if (!r.ok) { console.error(r.issues[0].message); process.exit(3); }
      for (let i = 0; i < 150; i++) r.value.saveRun({ kind: 'run', scenarioName: 'p' + process.argv[2], scenario: { i }, engine: 'median', options: {}, seed: i, result: { i }, timings: {}, version: 't' });
      r.value.close();`;
    const child = (path: string, tag: string) =>
      new Promise<number>((resolve) => spawn(process.execPath, ['--input-type=module', '-e', script, path, tag], { stdio: 'inherit' }).on('exit', (c) => resolve(c ?? -1)));
    for (let trial = 0; trial < 6; trial++) {
      const path = join(dir, `concurrent-${trial}.db`);
      const codes = await Promise.all([child(path, '1'), child(path, '2')]);
      expect(codes).toEqual([0, 0]);
      const s = open(path);
      const runs = s.listRuns(10_000);
      expect(runs).toHaveLength(300);
      expect(runs.filter((r) => r.scenarioName === 'p1')).toHaveLength(150);
      s.close();
    }
  });
});
