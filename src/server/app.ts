/**
 * The workbench's JSON API (hono), created without a port so routes are tested in-process with `app.request`
 * (DESIGN.md convention 7). Every scenario is validated by the command line's loaders and schema; engine
 * options by the engines' own option specs; request bodies are size-limited; the API reads and writes nothing
 * but its store (scenarios come in the body, built-ins by name only).
 */
import { timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { engines } from '../engines/index.js';
import { selectEngines, type EngineChoice } from '../engines/select.js';
import { compileModel } from '../engines/model.js';
import { rngFor } from '../analysis/rng.js';
import { whatIf } from '../analysis/whatIf.js';
import { runMonteCarlo } from '../analysis/montecarlo.js';
import { sensitivity } from '../analysis/sensitivity.js';
import { keyActors } from '../analysis/keyActors.js';
import { builtinNames } from '../scenario/builtin.js';
import { loadScenario } from '../scenario/load.js';
import { toNative } from '../scenario/toNative.js';
import { describeValue, fmt } from '../scenario/describeValue.js';
import { cycleNote, pointForecast } from '../engines/pointForecast.js';
import type { RunResult } from '../engines/types.js';
import { formatPath, type Issue, type Result } from '../scenario/issues.js';
import type { Scenario } from '../scenario/types.js';
import { toContract } from '../cli/contract.js';
import { buildBrief, replayStates, setsFor } from '../report/brief.js';
import { shockSequence } from '../analysis/shocks.js';
import { renderBrief } from '../report/html.js';
import { resolveScenario, scenarioInputShape, type ScenarioSource } from './scenarioInput.js';

/** What the API needs from the store (src/store/runStore.ts's RunStore provides it). */
export interface AppStore extends ScenarioSource {
  saveScenario(name: string, native: object): { name: string; version: number };
  listScenarios(): { name: string; version: number; title?: string; savedAt?: unknown }[];
  /** Versions of one saved scenario, newest first; optional. */
  scenarioVersions?(name: string): { version: number; title: string; savedAt: string }[];
  /** The newest saved runs first (summaries without content); optional. */
  listRuns?(limit?: number): { id: number; createdAt: string; kind: string; scenarioName: string; engine: string; seed: number | null; version: string }[];
  /** One saved run with its content; optional. */
  getRun?(id: number): unknown;
  /** Saves one run (src/store/runStore.ts RunRecord); optional. */
  saveRun?(r: { kind: string; scenarioName: string; scenario: unknown; engine: string; options: unknown; seed?: number | null; result: unknown; timings: Record<string, number>; version: string }): number;
}

/** Static files of the built UI: URL path → content type and bytes (see static.ts). */
export type StaticFiles = Map<string, { type: string; body: Uint8Array }>;

export interface AppOptions {
  store?: AppStore;
  /** Access token; when set, every /api request needs `Authorization: Bearer TOKEN`. */
  token?: string;
  /** The built UI (web/dist), served at `/`. */
  web?: StaticFiles;
  /** Largest request body in bytes (default 1 MiB); larger bodies get 413. */
  maxBody?: number;
  /** Most Monte Carlo runs one request may ask for (default 20000). */
  maxRuns?: number;
  /** Worker threads per Monte Carlo request (default 1). */
  workers?: number;
  /** Program version, recorded with saved runs. */
  version?: string;
}

/** Most runs one listing may return. */
const MAX_RUN_LIST = 500;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

const optionValue = z.union([z.string().max(200), z.number(), z.boolean()]);
const optionsShape = z.record(z.string().max(100), optionValue).optional();
const seed = z.number().int().min(0).max(2 ** 53 - 1).optional();

const bodies = {
  validate: z.strictObject({ ...scenarioInputShape }),
  run: z.strictObject({ ...scenarioInputShape, engine: z.string().max(200).optional(), options: optionsShape, seed }),
  montecarlo: z.strictObject({ ...scenarioInputShape, engine: z.string().max(100).optional(), options: optionsShape, runs: z.number().int().optional(), seed }),
  whatif: z.strictObject({
    ...scenarioInputShape,
    engine: z.string().max(200).optional(),
    options: optionsShape,
    shocks: z.array(z.string().max(200)).max(100).optional(),
    changes: z.array(z.string().max(300)).max(200).optional(),
  }),
  import: z.strictObject({ text: z.string(), format: scenarioInputShape.format }),
  replay: z.strictObject({ ...scenarioInputShape, engine: z.string().max(200).optional(), options: optionsShape }),
  keyactors: z.strictObject({ ...scenarioInputShape, engine: z.string().max(100).optional(), options: optionsShape, shift: z.number().min(0).max(1).optional() }),
  sensitivity: z.strictObject({ ...scenarioInputShape, engine: z.string().max(100).optional(), options: optionsShape }),
  brief: z.strictObject({
    ...scenarioInputShape,
    engine: z.string().max(200).optional(),
    options: optionsShape,
    analysisEngine: z.string().max(100).optional(),
    runs: z.number().int().optional(),
    seed,
  }),
};

/** Options as the engines' `key=value` strings. */
const toSets = (o: Record<string, string | number | boolean> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, String(v)]));

/** The API's name for a problem's path: shared checks speak in command-line flags (`--set rounds`, `--shock`). */
const apiPath = (path: string | undefined) => path?.replace(/^--set /, 'options.').replace(/^--shock$/, 'shocks').replace(/^--change$/, 'changes').replace(/^--/, '');

class BadRequest extends Error {
  public readonly issues: Issue[];
  constructor(issues: Issue[], public readonly status: 400 | 404 | 413 = 400) {
    super(issues.map((i) => i.message).join('; '));
    this.issues = issues.map((i) => (i.path ? { ...i, path: apiPath(i.path) } : i));
  }
}

function unwrap<T>(r: Result<T>): { value: T; warnings: Issue[] } {
  if (!r.ok) throw new BadRequest(r.issues);
  return { value: r.value, warnings: r.warnings };
}

/** Parses and validates a JSON body against a route's schema; problems become issues with field paths. */
async function readBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  const text = await c.req.text();
  let data: unknown;
  try {
    data = text.trim() === '' ? {} : JSON.parse(text);
  } catch (e) {
    throw new BadRequest([{ message: `the request body is not valid JSON: ${(e as Error).message}` }]);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    throw new BadRequest(
      parsed.error.issues.flatMap((i) =>
        i.code === 'unrecognized_keys'
          ? i.keys.map((k) => ({ path: formatPath([...(i.path as (string | number)[]), k]), message: `unknown field "${k}"` }))
          : [{ path: formatPath(i.path as (string | number)[]) || 'body', message: i.message }],
      ),
    );
  return parsed.data;
}

/** One engine, validated (the analyses take one engine at a time). */
function oneEngine(name: string, sets: Record<string, string>): EngineChoice {
  if (name === 'all' || name.includes(',')) throw new BadRequest([{ path: 'engine', message: 'this analysis takes one engine, not several' }]);
  return unwrap(selectEngines(name, sets)).value[0];
}


/** Forecast words per dimension for a run. */
/** Each forecast in the scale's words; a run that ends in a cycle also says so, with the cycle's mean (as the CLI does). */
const described = (s: Scenario, r: RunResult) =>
  s.dimensions.map((d, k) => {
    const note = cycleNote(r, k, (x) => fmt(x));
    return describeValue(d, r.forecast.position[k]) + (note ? `; the run ${note}: mean ${describeValue(d, pointForecast(r)[k])}` : '');
  });

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Builds the app: the JSON API under /api and, when given, the built UI at /. */
export function createApp(o: AppOptions = {}): Hono {
  const app = new Hono();
  const maxBody = o.maxBody ?? 1024 * 1024;
  const maxRuns = o.maxRuns ?? 20000;

  app.onError((err, c) => {
    if (err instanceof BadRequest) return c.json({ error: err.message, issues: err.issues }, err.status);
    if (process.env.FULCRUM_DEBUG) console.error(err);
    return c.json({ error: `internal error: ${err.message}` }, 500);
  });
  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: `no such route: ${c.req.method} ${c.req.path}` }, 404) : c.text('not found', 404)));

  // Without a token the server must only answer to local names (DNS-rebinding protection); with one, the token.
  app.use('/api/*', async (c, next) => {
    if (o.token) {
      const auth = c.req.header('authorization') ?? '';
      const given = auth.startsWith('Bearer ') ? auth.slice(7) : (c.req.header('x-fulcrum-token') ?? '');
      if (!safeEqual(given, o.token)) return c.json({ error: 'an access token is required: send "Authorization: Bearer TOKEN"' }, 401);
    } else {
      const host = (c.req.header('host') ?? new URL(c.req.url).host).replace(/:\d+$/, '').toLowerCase();
      if (!LOCAL_HOSTS.has(host)) return c.json({ error: `host "${host}" refused: this server only answers on localhost` }, 403);
    }
    // Cross-site requests: a web page elsewhere may send "simple" POSTs (text/plain, no preflight) to a local
    // server. Writes must be JSON, and a request that names its origin must come from this server's own.
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'application/json') return c.json({ error: 'requests that change or compute something must be sent as application/json' }, 415);
      const origin = c.req.header('origin');
      const host = c.req.header('host') ?? new URL(c.req.url).host;
      let sameOrigin = false;
      try {
        sameOrigin = origin === undefined || new URL(origin).host === host;
      } catch {
        sameOrigin = false;
      }
      if (!sameOrigin) return c.json({ error: `cross-site request from ${origin} refused` }, 403);
    }
    c.header('cache-control', 'no-store');
    c.header('x-content-type-options', 'nosniff');
    await next();
  });
  app.use(
    '/api/*',
    bodyLimit({ maxSize: maxBody, onError: (c) => c.json({ error: `request body too large (limit ${maxBody} bytes)`, issues: [{ message: `request body too large (limit ${maxBody} bytes)` }] }, 413) }),
  );

  app.get('/api/health', (c) => c.json({ ok: true }));

  app.get('/api/engines', (c) =>
    c.json({ engines: Object.values(engines).map((e) => ({ name: e.name, title: e.title, description: e.description, options: e.options, presets: e.presets ?? {} })) }),
  );

  app.get('/api/scenarios', (c) => {
    const builtins = builtinNames().map((name) => {
      const r = loadScenario(`builtin:${name}`);
      return { name, title: r.ok ? r.value.title : name, source: 'builtin' as const };
    });
    const saved = (o.store?.listScenarios() ?? []).map((x) => ({ ...x, source: 'saved' as const }));
    return c.json({ scenarios: [...builtins, ...saved], default: 'iraq-2024' });
  });

  app.get('/api/scenarios/:name', (c) => {
    const name = c.req.param('name');
    const source = c.req.query('source') ?? (builtinNames().includes(name) ? 'builtin' : 'saved');
    const v = c.req.query('version');
    const version = v === undefined ? undefined : Number(v);
    if (version !== undefined && !(Number.isInteger(version) && version > 0)) throw new BadRequest([{ path: 'version', message: 'version must be a positive whole number' }]);
    if (source !== 'builtin' && source !== 'saved') throw new BadRequest([{ path: 'source', message: 'source must be builtin or saved' }]);
    const input = source === 'builtin' ? { builtin: name } : { saved: version ? { name, version } : { name } };
    const r = resolveScenario(input, o.store);
    if (!r.ok) throw new BadRequest(r.issues, 404);
    const native = source === 'saved' ? o.store!.getScenario(name, version) : toNative(r.value);
    return c.json({ name, source, version, native, scenario: r.value, warnings: r.warnings });
  });

  app.get('/api/scenarios/:name/versions', (c) => {
    const name = c.req.param('name');
    const versions = o.store?.scenarioVersions?.(name) ?? [];
    if (!versions.length) throw new BadRequest([{ path: 'name', message: `no saved scenario "${name}"` }], 404);
    return c.json({ name, versions });
  });

  app.get('/api/runs', (c) => {
    const l = c.req.query('limit');
    const limit = l === undefined ? 50 : Number(l);
    if (!(Number.isInteger(limit) && limit >= 1 && limit <= MAX_RUN_LIST)) throw new BadRequest([{ path: 'limit', message: `limit must be a whole number from 1 to ${MAX_RUN_LIST} (got "${l}")` }]);
    return c.json({ runs: o.store?.listRuns?.(limit) ?? [] });
  });

  app.get('/api/runs/:id', (c) => {
    const raw = c.req.param('id');
    const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
    if (!(Number.isSafeInteger(id) && id > 0)) throw new BadRequest([{ path: 'id', message: `a run id is a positive whole number (got "${raw}")` }]);
    const run = o.store?.getRun?.(id);
    if (!run) throw new BadRequest([{ path: 'id', message: `no saved run ${id}` }], 404);
    return c.json({ run });
  });

  app.post('/api/validate', async (c) => {
    const body = await readBody(c, bodies.validate);
    const r = resolveScenario(body, o.store);
    if (!r.ok) return c.json({ ok: false, issues: r.issues, warnings: [] });
    return c.json({ ok: true, issues: [], warnings: r.warnings, scenario: r.value });
  });

  // Scenario text (YAML, JSON, actor CSV or KTAB XML) read by the command line's loaders, answered in the native
  // form the editor works on; problems come back with their line numbers in the text.
  app.post('/api/import', async (c) => {
    const body = await readBody(c, bodies.import);
    const { value: s, warnings } = unwrap(resolveScenario(body, o.store));
    return c.json({ name: s.name, native: toNative(s), scenario: s, warnings });
  });

  app.post('/api/scenarios', async (c) => {
    if (!o.store) throw new BadRequest([{ message: 'this server has no store to save scenarios in' }]);
    const body = await readBody(c, bodies.validate);
    const { value: s } = unwrap(resolveScenario(body, o.store));
    const saved = o.store.saveScenario(s.name, toNative(s));
    return c.json(saved, 201);
  });

  app.post('/api/run', async (c) => {
    const body = await readBody(c, bodies.run);
    const { value: s, warnings } = unwrap(resolveScenario(body, o.store));
    const chosen = unwrap(selectEngines(body.engine ?? 'all', toSets(body.options))).value;
    const model = compileModel(s);
    const t0 = performance.now();
    const results = chosen.map(({ engine, options }) => engine.run(model, options, rngFor(body.seed ?? 1, 0)));
    const ms = performance.now() - t0;
    const native = toNative(s);
    const runIds = results.map((r) =>
      o.store?.saveRun?.({ kind: 'run', scenarioName: s.name, scenario: native, engine: r.engine, options: r.options, seed: body.seed ?? 1, result: toContract(s, r), timings: { ms }, version: o.version ?? '0.0.0' }),
    );
    return c.json({
      runIds,
      scenario: s,
      warnings: [...warnings, ...results.flatMap((r) => (r.warnings ?? []).map((w) => ({ message: w.startsWith(`${r.engine}:`) ? w : `${r.engine}: ${w}` })))],
      results: results.map((r) => ({ ...toContract(s, r), described: described(s, r) })),
    });
  });

  app.post('/api/montecarlo', async (c) => {
    const body = await readBody(c, bodies.montecarlo);
    const { value: s } = unwrap(resolveScenario(body, o.store));
    const choice = oneEngine(body.engine ?? 'compromise', toSets(body.options));
    const runs = body.runs ?? 1000;
    if (runs < 1 || runs > maxRuns) throw new BadRequest([{ path: 'runs', message: `runs must be between 1 and ${maxRuns} (got ${runs})` }]);
    const summary = unwrap(await runMonteCarlo(s, { engine: choice.engine.name, options: setsFor(choice.engine, toSets(body.options)), runs, seed: body.seed ?? 1, workers: o.workers ?? 1, signal: c.req.raw.signal })).value;
    return c.json({ scenario: s, summary });
  });

  app.post('/api/whatif', async (c) => {
    const body = await readBody(c, bodies.whatif);
    const { value: s } = unwrap(resolveScenario(body, o.store));
    const r = unwrap(whatIf(s, { engine: body.engine ?? 'all', sets: toSets(body.options), shocks: body.shocks ?? [], changes: body.changes ?? [] })).value;
    return c.json({ scenario: s, shocks: r.shocks, changes: r.changes, rows: r.rows, warnings: r.warnings });
  });

  app.post('/api/replay', async (c) => {
    const body = await readBody(c, bodies.replay);
    const { value: s } = unwrap(resolveScenario(body, o.store));
    if (!s.shocks.length) throw new BadRequest([{ path: 'shocks', message: `scenario "${s.name}" has no shocks to replay` }]);
    const states = unwrap(replayStates(s, body.engine ?? 'all', toSets(body.options))).value;
    const warnings = shockSequence(s).flatMap((x) => x.warnings.map((w) => `${x.shock.id}: ${w}`));
    return c.json({ scenario: s, states, warnings });
  });

  app.post('/api/keyactors', async (c) => {
    const body = await readBody(c, bodies.keyactors);
    const { value: s } = unwrap(resolveScenario(body, o.store));
    const choice = oneEngine(body.engine ?? 'compromise', toSets(body.options));
    return c.json({ scenario: s, engine: choice.engine.name, result: unwrap(keyActors(s, choice.engine.name, setsFor(choice.engine, toSets(body.options)), body.shift)).value });
  });

  app.post('/api/sensitivity', async (c) => {
    const body = await readBody(c, bodies.sensitivity);
    const { value: s } = unwrap(resolveScenario(body, o.store));
    const choice = oneEngine(body.engine ?? 'compromise', toSets(body.options));
    return c.json({ scenario: s, engine: choice.engine.name, result: unwrap(sensitivity(s, choice.engine.name, setsFor(choice.engine, toSets(body.options)))).value });
  });

  app.post('/api/brief', async (c) => {
    const body = await readBody(c, bodies.brief);
    const { value: s } = unwrap(resolveScenario(body, o.store));
    const runs = body.runs ?? 500;
    if (runs < 0 || runs > maxRuns) throw new BadRequest([{ path: 'runs', message: `runs must be between 0 and ${maxRuns} (got ${runs})` }]);
    const data = unwrap(
      await buildBrief(s, { engine: body.engine ?? 'all', sets: toSets(body.options), analysisEngine: body.analysisEngine, runs, seed: body.seed ?? 1, workers: o.workers ?? 1 }),
    ).value;
    const html = renderBrief(data);
    c.header('content-disposition', `attachment; filename="${s.name.replace(/[^A-Za-z0-9_.-]/g, '-')}-brief.html"`);
    return c.html(html);
  });

  if (o.web) {
    const web = o.web;
    app.get('/*', (c) => {
      const path = c.req.path === '/' ? '/index.html' : c.req.path;
      const f = web.get(path) ?? (path.includes('.') ? undefined : web.get('/index.html'));
      if (!f) return c.text('not found', 404);
      c.header('content-type', f.type);
      c.header('x-content-type-options', 'nosniff');
      c.header('cache-control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      return c.body(f.body as Uint8Array<ArrayBuffer>);
    });
  }
  return app;
}
