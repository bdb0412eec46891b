import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from './app.js';
import { RunStore } from '../store/runStore.js';
import { loadScenario } from '../scenario/load.js';
import { toNative } from '../scenario/toNative.js';
import { stringify } from 'yaml';

// Routes are exercised in-process with app.request (no port), as hono's own tests do (DESIGN.md convention 7).
let dir: string;
let store: RunStore;
let app: ReturnType<typeof createApp>;
const iraq = () => {
  const r = loadScenario('builtin:iraq-2024');
  if (!r.ok) throw new Error('built-in case does not load');
  return toNative(r.value) as Record<string, any>;
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (r: Response | Promise<Response>): Promise<any> => (await r).json();
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-app-'));
  const s = RunStore.open(join(dir, 'runs.db'));
  if (!s.ok) throw new Error(s.issues[0].message);
  store = s.value;
  app = createApp({ store });
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('scenarios', () => {
  test('lists the built-ins and opens the Iraq case in native form', async () => {
    const list = await json(app.request('/api/scenarios'));
    expect(list.scenarios).toContainEqual(expect.objectContaining({ name: 'iraq-2024', source: 'builtin' }));
    const res = await app.request('/api/scenarios/iraq-2024');
    expect(res.status).toBe(200);
    const one = await json(res);
    expect(one.native.name).toBe('iraq-2024');
    expect(one.scenario.actors.length).toBeGreaterThan(2);
  });

  test('an unknown built-in is a 404 with an issue, and no path is ever opened', async () => {
    const res = await app.request('/api/scenarios/..%2F..%2Fpackage?source=builtin');
    expect(res.status).toBe(404);
    expect((await json(res)).issues[0].message).toMatch(/no built-in scenario/);
  });

  test('validate reports issues with path and line, by the same schema as the CLI', async () => {
    const bad = iraq();
    bad.actors[0].salience.presence = 1.5;
    const out = await json(post('/api/validate', { scenario: bad }));
    expect(out.ok).toBe(false);
    expect(out.issues).toContainEqual(expect.objectContaining({ path: 'actors[0].salience.presence', message: expect.stringMatching(/outside \[0, 1\]/) }));
    const typo = iraq();
    typo.actors[1].capabilty = 3;
    const out2 = await json(post('/api/validate', { scenario: typo }));
    expect(out2.issues).toContainEqual(expect.objectContaining({ path: 'actors[1].capabilty', message: 'unknown field "capabilty"' }));
    expect([...out.issues, ...out2.issues].every((i: { line?: number }) => typeof i.line === 'number')).toBe(true);
  });

  test('problems in shocks, dimensions and sources come back with the paths the workbench shows them at', async () => {
    const doc = iraq();
    doc.shocks[0].changes[0] = { actor: 'us-gov', field: 'capability', by: 'x' };
    const schema = await json(post('/api/validate', { scenario: doc }));
    expect(schema.issues.map((i: { path: string }) => i.path)).toEqual(['shocks[0].changes[0].by']);
    const sem = iraq();
    sem.shocks[0].changes[0] = { actor: 'nobody', field: 'salience.oil', by: 1 };
    sem.dimensions[0].scale.bands[0].to = 200;
    sem.sources[0].id = 'piece';
    const out = await json(post('/api/validate', { scenario: sem }));
    const paths = out.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['shocks[0].changes[0].actor', 'shocks[0].changes[0].field', 'dimensions[0].scale.bands[0]', 'shocks[0].evidence[0].source']));
    expect(paths.some((p: string) => /^actors\[\d+\]\..*evidence\[\d+\]\.source$/.test(p))).toBe(true);
  });

  test('an edited scenario written as YAML (as the workbench downloads it) imports unchanged', async () => {
    const doc = iraq();
    doc.shocks[0].changes[3] = { actor: 'us-gov', field: 'position.presence', by: -40 };
    doc.sources[0].url = 'https://example.org/article';
    const res = await post('/api/import', { text: '# exported\n' + stringify(doc, { lineWidth: 0 }), format: 'yaml' });
    expect(res.status).toBe(200);
    expect((await json(res)).native).toEqual(doc);
  });

  test('validate accepts YAML text and reports its lines', async () => {
    const out = await json(post('/api/validate', { text: 'name: x\ntitle: y\ndimensions: []\nactors: 3\n', format: 'yaml' }));
    expect(out.ok).toBe(false);
    expect(out.issues.some((i: { line?: number }) => i.line === 4)).toBe(true);
  });

  test('import reads YAML, JSON and actor CSV text into the native form, without saving it', async () => {
    const yaml = await post('/api/import', { text: 'name: tiny\ntitle: Tiny\ndimensions:\n  - id: d\n    title: D\n    scale: { min: 0, max: 10, low: none, high: all }\nactors:\n  - { id: a, name: A, capability: 1, position: { d: 2 }, salience: { d: 0.5 } }\n  - { id: b, name: B, capability: 2, position: { d: 8 }, salience: { d: 0.5 } }\n', format: 'yaml' });
    expect(yaml.status).toBe(200);
    const y = await json(yaml);
    expect(y.name).toBe('tiny');
    expect(y.native.actors.map((a: { id: string }) => a.id)).toEqual(['a', 'b']);
    expect(y.scenario.dimensions[0].scale.max).toBe(10);
    const j = await json(post('/api/import', { text: JSON.stringify(iraq()), format: 'json' }));
    expect(j.native).toEqual(iraq());
    const csv = await json(post('/api/import', { text: 'actor,capability,position,salience\nA,10,20,0.5\nB,20,80,0.9\n', format: 'csv' }));
    expect(csv.native.actors).toHaveLength(2);
    expect((await json(app.request('/api/scenarios'))).scenarios.some((x: { name: string }) => x.name === 'tiny')).toBe(false);
  });

  test('import reports every problem with its line in the text; non-text bodies are refused', async () => {
    const text = 'name: tiny\ntitle: Tiny\ndimensions:\n  - id: d\n    title: D\n    scale: { min: 0, max: 10, low: none, high: all }\nactors:\n  - { id: a, name: A, capability: 1, position: { d: 20 }, salience: { d: 0.5 } }\n  - { id: b, name: B, capabilty: 2, position: { d: 8 }, salience: { d: 0.5 } }\n';
    const res = await post('/api/import', { text, format: 'yaml' });
    expect(res.status).toBe(400);
    // Schema problems first (as `fulcrum check` reports them), then, once the shape is right, the values.
    expect((await json(res)).issues).toContainEqual(expect.objectContaining({ line: 9, path: 'actors[1].capabilty', message: 'unknown field "capabilty"' }));
    const out = await json(post('/api/import', { text: text.replace('capabilty', 'capability'), format: 'yaml' }));
    expect(out.issues).toEqual([expect.objectContaining({ line: 8, path: 'actors[0].position.d', message: expect.stringMatching(/outside \[0, 10\]/) })]);
    const broken = await json(post('/api/import', { text: 'name: a\nname: b\n', format: 'yaml' }));
    expect(broken.issues[0]).toEqual(expect.objectContaining({ line: 2, message: expect.stringMatching(/YAML syntax error: Map keys must be unique/) }));
    const badJson = await json(post('/api/import', { text: '{\n  "name": "x",\n  "oops": 1\n}', format: 'json' }));
    expect(badJson.issues).toContainEqual(expect.objectContaining({ line: 3, path: 'oops', message: 'unknown field "oops"' }));
    expect((await post('/api/import', { builtin: 'iraq-2024' })).status).toBe(400);
    expect((await post('/api/import', { text: 'x', format: 'docx' })).status).toBe(400);
    expect((await post('/api/import', { text: 3 })).status).toBe(400);
  });

  test('saves and versions scenarios in the store', async () => {
    const a = await post('/api/scenarios', { scenario: iraq() });
    expect(a.status).toBe(201);
    expect(await a.json()).toEqual({ name: 'iraq-2024', version: 1 });
    const edited = iraq();
    edited.title = 'Iraq, edited';
    expect(await json(post('/api/scenarios', { scenario: edited }))).toEqual({ name: 'iraq-2024', version: 2 });
    const list = await json(app.request('/api/scenarios'));
    expect(list.scenarios).toContainEqual(expect.objectContaining({ name: 'iraq-2024', source: 'saved', version: 2 }));
    const v1 = await json(app.request('/api/scenarios/iraq-2024?source=saved&version=1'));
    expect(v1.native.title).toBe(iraq().title);
    const ran = await json(post('/api/run', { saved: { name: 'iraq-2024' }, engine: 'median' }));
    expect(ran.scenario.title).toBe('Iraq, edited');
  });

  test('lists the saved versions of a scenario, newest first; unknown names are 404', async () => {
    const edited = iraq();
    edited.title = 'Iraq, versions test';
    await post('/api/scenarios', { scenario: edited });
    const res = await app.request('/api/scenarios/iraq-2024/versions');
    expect(res.status).toBe(200);
    const out = await json(res);
    const versions = out.versions.map((v: { version: number }) => v.version);
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(versions).toEqual([...versions].sort((a, b) => b - a));
    expect(out.versions[0]).toEqual(expect.objectContaining({ title: 'Iraq, versions test', savedAt: expect.any(String) }));
    const none = await app.request('/api/scenarios/nothing-saved/versions');
    expect(none.status).toBe(404);
    expect((await json(none)).issues[0].message).toMatch(/no saved scenario "nothing-saved"/);
    expect((await createApp({}).request('/api/scenarios/iraq-2024/versions')).status).toBe(404);
  });

  test('an invalid scenario is not saved', async () => {
    const bad = iraq();
    bad.actors = [];
    const res = await post('/api/scenarios', { scenario: bad });
    expect(res.status).toBe(400);
    expect((await json(res)).issues[0].path).toMatch(/^actors/);
  });
});

describe('run and analyses', () => {
  test('runs every engine and describes each forecast in the scale’s words', async () => {
    const res = await post('/api/run', { builtin: 'iraq-2024', engine: 'all', seed: 7 });
    expect(res.status).toBe(200);
    const out = await json(res);
    expect(out.results.map((r: { engine: string }) => r.engine)).toEqual(expect.arrayContaining(['compromise', 'median']));
    const median = out.results.find((r: { engine: string }) => r.engine === 'median');
    expect(median.forecast.position).toHaveLength(2);
    expect(median.described[0]).toMatch(/organized, phased exit/);
    expect(out.runIds.every((id: unknown) => typeof id === 'number')).toBe(true);
  });

  test('unknown engines and bad options are 400 with issues', async () => {
    const a = await json(post('/api/run', { builtin: 'iraq-2024', engine: 'nope' }));
    expect(a.issues[0].message).toMatch(/unknown engine "nope"/);
    const b = await post('/api/run', { builtin: 'iraq-2024', engine: 'eum', options: { variant: 'bogus' } });
    expect(b.status).toBe(400);
  });

  test('request bodies are validated: unknown fields, wrong types, bad JSON, no scenario', async () => {
    expect((await json(post('/api/run', { builtin: 'iraq-2024', engnie: 'all' }))).issues[0]).toEqual({ path: 'engnie', message: 'unknown field "engnie"' });
    expect((await post('/api/run', { builtin: 'iraq-2024', seed: 'x' })).status).toBe(400);
    expect((await json(post('/api/run', '{not json'))).error).toMatch(/not valid JSON/);
    expect((await json(post('/api/run', {}))).issues[0].message).toMatch(/exactly one of/);
    expect((await json(post('/api/run', { builtin: 'iraq-2024', text: 'x' }))).issues[0].message).toMatch(/exactly one of/);
  });

  test('Monte Carlo summarises the band, and refuses silly run counts', async () => {
    const out = await json(post('/api/montecarlo', { builtin: 'iraq-2024', engine: 'compromise', runs: 200, seed: 3 }));
    expect(out.summary.completed).toBe(200);
    expect(out.summary.dimensions[0].percentiles.p5).toBeLessThanOrEqual(out.summary.dimensions[0].percentiles.p95);
    const again = await json(post('/api/montecarlo', { builtin: 'iraq-2024', engine: 'compromise', runs: 200, seed: 3 }));
    expect(again.summary).toEqual(out.summary);
    expect((await post('/api/montecarlo', { builtin: 'iraq-2024', runs: 0 })).status).toBe(400);
    expect((await post('/api/montecarlo', { builtin: 'iraq-2024', runs: 10_000_000 })).status).toBe(400);
    expect((await json(post('/api/montecarlo', { builtin: 'iraq-2024', engine: 'all', runs: 10 }))).issues[0].message).toMatch(/one engine/);
  });

  test('what-if compares base and shocked forecasts; unknown shocks and actors are issues', async () => {
    const s = iraq();
    const shock = s.shocks[0].id as string;
    const out = await json(post('/api/whatif', { scenario: s, engine: 'compromise,median', shocks: [shock] }));
    expect(out.rows).toHaveLength(2);
    expect(out.rows[0].diff).toHaveLength(2);
    const changed = await json(post('/api/whatif', { builtin: 'iraq-2024', engine: 'median', changes: ['us-gov.position.presence=0'] }));
    expect(changed.rows[0].engine).toBe('median');
    expect((await json(post('/api/whatif', { builtin: 'iraq-2024', shocks: ['nope'] }))).issues[0].message).toMatch(/unknown shock "nope"/);
    expect((await json(post('/api/whatif', { builtin: 'iraq-2024', changes: ['nobody.capability=3'] }))).issues[0].message).toMatch(/unknown actor/);
  });

  test('replays the shocks in date order, each engine after each shock', async () => {
    const res = await post('/api/replay', { builtin: 'iraq-2024', engine: 'compromise,median' });
    expect(res.status).toBe(200);
    const out = await json(res);
    const n = iraq().shocks.length;
    expect(out.states).toHaveLength(n + 1);
    expect(out.states[0]).toEqual(expect.objectContaining({ label: 'base case' }));
    expect(out.states[0].forecasts.map((f: { engine: string }) => f.engine)).toEqual(['compromise', 'median']);
    const dates = out.states.slice(1).map((st: { shock: { date: string } }) => st.shock.date);
    expect(dates).toEqual([...dates].sort());
    expect(out.states[1].shock.title).toBeTruthy();
    expect(out.states[1].label).toBe(`${out.states[1].shock.date} ${out.states[1].shock.title}`);
    // The base state is the base case's forecast.
    const base = await json(post('/api/run', { builtin: 'iraq-2024', engine: 'compromise' }));
    expect(out.states[0].forecasts[0].position).toEqual(base.results[0].forecast.position);
  });

  test('replay: bad engines, unknown fields and scenarios without shocks are 400', async () => {
    expect((await json(post('/api/replay', { builtin: 'iraq-2024', engine: 'nope' }))).issues[0].message).toMatch(/unknown engine "nope"/);
    expect((await json(post('/api/replay', { builtin: 'iraq-2024', shocks: ['x'] }))).issues[0]).toEqual({ path: 'shocks', message: 'unknown field "shocks"' });
    const noShocks = iraq();
    delete noShocks.shocks;
    const res = await post('/api/replay', { scenario: noShocks });
    expect(res.status).toBe(400);
    expect((await json(res)).issues[0].message).toMatch(/has no shocks to replay/);
    expect((await post('/api/replay', {})).status).toBe(400);
  });

  test('key actors and sensitivity are ranked', async () => {
    const ka = await json(post('/api/keyactors', { builtin: 'iraq-2024', engine: 'compromise' }));
    const inf = ka.result.actors.map((a: { influence: number }) => a.influence);
    expect(inf).toEqual([...inf].sort((a, b) => b - a));
    const se = await json(post('/api/sensitivity', { builtin: 'iraq-2024', engine: 'compromise' }));
    const eff = se.result.items.map((a: { effect: number }) => a.effect);
    expect(eff.length).toBeGreaterThan(0);
    expect(eff).toEqual([...eff].sort((a, b) => b - a));
  });

  test('the brief is one self-contained HTML file with SVG charts', async () => {
    const res = await post('/api/brief', { builtin: 'iraq-2024', engine: 'compromise,median', runs: 100 });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="iraq-2024-brief.html"/);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link|src="http|url\(http/i);
  });
});

describe('saved runs', () => {
  test('lists the newest runs first and opens one with its scenario and result', async () => {
    const ran = await json(post('/api/run', { builtin: 'iraq-2024', engine: 'compromise,median', seed: 5 }));
    const [a, b] = ran.runIds as number[];
    const list = await json(app.request('/api/runs?limit=5'));
    expect(list.runs.length).toBeLessThanOrEqual(5);
    expect(list.runs[0]).toEqual(expect.objectContaining({ id: b, kind: 'run', engine: 'median', scenarioName: 'iraq-2024', seed: 5 }));
    expect(list.runs[1].id).toBe(a);
    expect(list.runs[0]).not.toHaveProperty('result');
    const one = await json(app.request(`/api/runs/${a}`));
    expect(one.run).toEqual(expect.objectContaining({ id: a, engine: 'compromise', seed: 5 }));
    expect(one.run.scenario.name).toBe('iraq-2024');
    expect(one.run.result.forecast.position).toHaveLength(2);
    expect(one.run.result.scenario.dimensionIds).toEqual(['presence', 'alignment']);
  });

  test('bad limits and ids are 400, unknown runs 404; without a store the list is empty', async () => {
    for (const q of ['0', '-1', '2.5', 'x', '100000']) expect((await app.request(`/api/runs?limit=${q}`)).status).toBe(400);
    for (const id of ['0', '-3', 'abc', '1e3', '99999999999999999999']) expect((await app.request(`/api/runs/${id}`)).status).toBe(400);
    const missing = await app.request('/api/runs/987654');
    expect(missing.status).toBe(404);
    expect((await json(missing)).issues[0].message).toBe('no saved run 987654');
    expect(await json(createApp({}).request('/api/runs'))).toEqual({ runs: [] });
  });
});

describe('limits and access', () => {
  test('bodies over the limit get 413', async () => {
    const res = await post('/api/validate', { text: 'x'.repeat(1024 * 1024 + 10) });
    expect(res.status).toBe(413);
    const small = createApp({ store, maxBody: 100 });
    const r2 = await small.request('/api/validate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ builtin: 'iraq-2024', text: 'y'.repeat(200) }) });
    expect(r2.status).toBe(413);
  });

  test('with a token, every API route needs it', async () => {
    const secured = createApp({ store, token: 'correct-horse-battery-staple' });
    expect((await secured.request('/api/scenarios')).status).toBe(401);
    expect((await secured.request('/api/scenarios', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const ok = await secured.request('http://fulcrum.example.org/api/scenarios', { headers: { authorization: 'Bearer correct-horse-battery-staple' } });
    expect(ok.status).toBe(200);
  });

  test('without a token, only local host names are answered (DNS rebinding)', async () => {
    expect((await app.request('http://evil.example.com/api/scenarios')).status).toBe(403);
    expect((await app.request('http://127.0.0.1:4173/api/scenarios')).status).toBe(200);
  });

  test('cross-site writes are refused: text/plain bodies get 415, a foreign Origin 403, the own origin passes', async () => {
    const body = JSON.stringify({ builtin: 'iraq-2024', engine: 'median' });
    const plain = await app.request('http://127.0.0.1:4173/api/run', { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    expect(plain.status).toBe(415);
    const before = store.listScenarios().length;
    const evil = await app.request('http://127.0.0.1:4173/api/scenarios', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ scenario: iraq() }),
    });
    expect(evil.status).toBe(403);
    expect(store.listScenarios().length).toBe(before);
    const own = await app.request('http://127.0.0.1:4173/api/run', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:4173' }, body });
    expect(own.status).toBe(200);
  });

  test('unknown API routes are JSON 404s', async () => {
    const res = await app.request('/api/nope');
    expect(res.status).toBe(404);
    expect((await json(res)).error).toMatch(/no such route/);
  });

  test('serves the built UI from memory, falling back to index.html for app routes', async () => {
    const web = new Map([['/index.html', { type: 'text/html; charset=utf-8', body: new TextEncoder().encode('<!doctype html><title>Fulcrum</title>') }]]);
    const withUi = createApp({ store, web });
    expect(await (await withUi.request('/')).text()).toContain('<title>Fulcrum</title>');
    expect((await withUi.request('/scenario/iraq')).status).toBe(200);
    expect((await withUi.request('/../../etc/passwd.txt')).status).toBe(404);
  });
});
