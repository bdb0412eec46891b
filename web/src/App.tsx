// The workbench: scenario list, the editable actors table with evidence and in-place validation, the run panel,
// and the charts (built by src/report/charts.ts, the same builders as the brief's SVGs).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Scenario } from '../../src/scenario/types.js';
import { describeValue, fmt } from '../../src/scenario/describeValue.js';
import { effectivePowerChart, forecastsChart, monteCarloChart, replayChart, signed, tornadoChart, trajectoryChart, whatIfChart } from '../../src/report/charts.js';
import { ApiError, get, post, postBlob, type EngineInfo, type Issue, type KeyActorsResult, type McSummary, type ReplayResponse, type RunResponse, type SavedRun, type SavedRunSummary, type ScenarioListItem, type ScenarioVersion, type SensitivityResult, type WhatIfResponse } from './api.js';
import { ActorTable, type Selected } from './ActorTable.js';
import { EChart } from './EChart.js';
import { addActor, addEvidence, downloadName, freeActorId, removeActor, renameActorRefs, removeEvidence, setActorText, setCell, setEvidence, toJson, toYaml, type Field, type NativeDoc, type Part } from './doc.js';
import { ShockEditor } from './ShockEditor.js';
import { DimensionEditor } from './DimensionEditor.js';
import { SourceEditor } from './SourceEditor.js';
import { SidePanel } from './SidePanel.js';
import { RunList, RunView, when } from './Runs.js';
import { ImportPanel } from './ImportPanel.js';

interface Loaded {
  name: string;
  /** Where the document in the editor came from: a built-in, a saved version, a saved run's scenario, or pasted text. */
  source: 'builtin' | 'saved' | 'run' | 'text';
  version?: number;
  runId?: number;
}

/** Parses "key=value, key=value" into engine options. */
function parseOptions(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/[,\n]/)) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

/** Saves text as a file through the browser's download. */
function saveFile(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The parts of the scenario edited in the tabs above the table, and the field path each one's problems start with. */
const PANES = [
  { id: 'actors', label: 'Actors', prefix: 'actors' },
  { id: 'dimensions', label: 'Dimensions', prefix: 'dimensions' },
  { id: 'shocks', label: 'Shocks', prefix: 'shocks' },
  { id: 'sources', label: 'Sources', prefix: 'sources' },
] as const;
type Pane = (typeof PANES)[number]['id'];

export function App() {
  const [list, setList] = useState<ScenarioListItem[]>([]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [doc, setDoc] = useState<NativeDoc | null>(null);
  const [scenario, setScenario] = useState<Scenario | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [engines, setEngines] = useState<EngineInfo[]>([]);
  const [engine, setEngine] = useState('all');
  const [optionsText, setOptionsText] = useState('');
  const [seed, setSeed] = useState('1');
  const [mcRuns, setMcRuns] = useState('1000');
  const [shocks, setShocks] = useState<string[]>([]);
  const [dimK, setDimK] = useState(0);
  const [pane, setPane] = useState<Pane>('actors');
  const [run, setRun] = useState<RunResponse | null>(null);
  const [mc, setMc] = useState<McSummary | null>(null);
  const [ka, setKa] = useState<KeyActorsResult | null>(null);
  const [sens, setSens] = useState<SensitivityResult | null>(null);
  const [whatIf, setWhatIf] = useState<WhatIfResponse | null>(null);
  const [replay, setReplay] = useState<ReplayResponse | null>(null);
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; error?: boolean; issues?: Issue[] } | null>(null);
  const validateTimer = useRef<number | undefined>(undefined);
  const [versions, setVersions] = useState<ScenarioVersion[]>([]);
  const [savedRuns, setSavedRuns] = useState<SavedRunSummary[]>([]);
  const [viewed, setViewed] = useState<{ run: SavedRun; scenario: Scenario | null } | null>(null);

  const refreshList = useCallback(() => get<{ scenarios: ScenarioListItem[] }>('/api/scenarios').then((r) => setList(r.scenarios)), []);
  const refreshRuns = useCallback(() => get<{ runs: SavedRunSummary[] }>('/api/runs?limit=20').then((r) => setSavedRuns(r.runs)), []);

  /** Puts a document in the editor and clears the results of the previous one. */
  const load = useCallback((item: Loaded, native: NativeDoc, parsed: Scenario | null, found: Issue[], isDirty: boolean) => {
    window.clearTimeout(validateTimer.current);
    setLoaded(item);
    setDoc(native);
    setScenario(parsed);
    setIssues(found);
    setDirty(isDirty);
    setSelected(null);
    setRun(null);
    setMc(null);
    setKa(null);
    setSens(null);
    setWhatIf(null);
    setReplay(null);
    setShocks([]);
    setDimK(0);
  }, []);

  const open = useCallback(async (item: Loaded) => {
    const q = item.source === 'saved' ? `?source=saved${item.version ? `&version=${item.version}` : ''}` : '?source=builtin';
    const r = await get<{ native: NativeDoc; scenario: Scenario; version?: number }>(`/api/scenarios/${encodeURIComponent(item.name)}${q}`);
    load({ ...item, version: r.version ?? item.version }, r.native, r.scenario, [], false);
  }, []);

  useEffect(() => {
    refreshList().catch((e) => setStatus({ text: String(e.message), error: true }));
    refreshRuns().catch(() => setSavedRuns([]));
    get<{ engines: EngineInfo[] }>('/api/engines').then((r) => setEngines(r.engines));
    open({ name: 'iraq-2024', source: 'builtin' }).catch((e) => setStatus({ text: `cannot open the Iraq case: ${e.message}`, error: true }));
  }, [refreshList, refreshRuns, open]);

  // The versions of a saved scenario, for the picker beside its title.
  useEffect(() => {
    if (loaded?.source !== 'saved') return setVersions([]);
    get<{ versions: ScenarioVersion[] }>(`/api/scenarios/${encodeURIComponent(loaded.name)}/versions`)
      .then((r) => setVersions(r.versions))
      .catch(() => setVersions([]));
  }, [loaded?.source, loaded?.name, loaded?.version]);

  // While an edit is being checked, actions wait: they would otherwise run on the previous check's verdict.
  const [checking, setChecking] = useState(false);
  const validate = useCallback((next: NativeDoc) => {
    window.clearTimeout(validateTimer.current);
    setChecking(true);
    validateTimer.current = window.setTimeout(async () => {
      try {
        const r = await post<{ ok: boolean; issues: Issue[]; scenario?: Scenario }>('/api/validate', { scenario: next });
        setIssues(r.issues);
        if (r.ok && r.scenario) setScenario(r.scenario);
      } catch (e) {
        setStatus({ text: (e as Error).message, error: true });
      } finally {
        setChecking(false);
      }
    }, 200);
  }, []);

  /** Every edit: the new document, marked unsaved, and checked by the server's schema. */
  const change = (next: NativeDoc) => {
    setDoc(next);
    setDirty(true);
    validate(next);
  };
  /** An edit from the dimension, shock or source editors, with what it did for the status line. */
  const changeWith = (next: NativeDoc, text?: string) => {
    change(next);
    if (text) setStatus({ text });
  };
  const download = (kind: 'yaml' | 'json') => {
    if (!doc) return;
    const name = downloadName(doc, kind);
    saveFile(kind === 'yaml' ? toYaml(doc) : toJson(doc), name, kind === 'yaml' ? 'application/yaml' : 'application/json');
    setStatus({
      text: `downloaded ${name}${issues.length ? ` — it has ${issues.length} problem(s), listed where they are; fulcrum run will refuse it until they are fixed` : ''}`,
      error: issues.length > 0,
    });
  };
  const onEdit = (i: number, field: Field, dim: string | undefined, part: Part, raw: string) => {
    if (doc) change(setCell(doc, i, field, dim, part, raw));
  };

  const errorOf = (e: unknown) => {
    const err = e as ApiError;
    // With issues, list them (the message only repeats them); otherwise the message alone.
    setStatus(err.issues?.length ? { text: 'The request was refused:', error: true, issues: err.issues } : { text: err.message, error: true });
  };

  const body = () => ({ scenario: doc });
  /** The seed field as a whole number; anything else is reported instead of silently becoming 0. */
  const seedValue = (): number => {
    if (!/^\s*\d+\s*$/.test(seed)) throw new ApiError(`the seed must be a whole number ≥ 0 (got "${seed}")`);
    return Number(seed);
  };
  const act = async (label: string, f: () => Promise<void>) => {
    setBusy(label);
    setStatus(null);
    try {
      await f();
    } catch (e) {
      errorOf(e);
    } finally {
      setBusy(null);
    }
  };
  /** The ticked shocks the scenario still has (a shock's id may have been edited or the shock removed). */
  const docShocks: { id?: unknown }[] = Array.isArray(doc?.shocks) ? doc.shocks : [];
  const ticked = shocks.filter((id) => docShocks.some((x) => x?.id === id));
  const single = engine === 'all' ? (engines.some((e) => e.name === 'eum') ? 'eum' : 'compromise') : engine.split(',')[0];

  const doRun = () =>
    act('run', async () => {
      const r = await post<RunResponse>('/api/run', { ...body(), engine, options: parseOptions(optionsText), seed: seedValue() });
      setRun(r);
      setScenario(r.scenario);
      refreshRuns().catch(() => undefined);
      setStatus({ text: `ran ${r.results.map((x) => x.engine).join(', ')}${r.warnings.length ? ' — ' + r.warnings.map((w) => w.message).join('; ') : ''}` });
    });
  const doMc = () =>
    act('mc', async () => {
      const r = await post<{ summary: McSummary }>('/api/montecarlo', { ...body(), engine: single, options: pick(single), runs: Number(mcRuns), seed: seedValue() });
      setMc(r.summary);
      setStatus({ text: `Monte Carlo: ${r.summary.completed} runs of ${r.summary.engine}` });
    });
  const doKeyActors = () =>
    act('ka', async () => {
      const [k, s] = await Promise.all([
        post<{ result: KeyActorsResult }>('/api/keyactors', { ...body(), engine: single, options: pick(single) }),
        post<{ result: SensitivityResult }>('/api/sensitivity', { ...body(), engine: single, options: pick(single) }),
      ]);
      setKa(k.result);
      setSens(s.result);
      setStatus({ text: `key actors and sensitivity by ${single}` });
    });
  const doWhatIf = () =>
    act('whatif', async () => {
      const r = await post<WhatIfResponse>('/api/whatif', { ...body(), engine, options: parseOptions(optionsText), shocks: ticked });
      setWhatIf(r);
      setStatus({ text: `what-if: ${ticked.join(', ')}${r.warnings.length ? ' — ' + r.warnings.join('; ') : ''}` });
    });
  const doReplay = () =>
    act('replay', async () => {
      const r = await post<ReplayResponse & { scenario: Scenario }>('/api/replay', { ...body(), engine, options: parseOptions(optionsText) });
      setReplay(r);
      setScenario(r.scenario);
      setStatus({ text: `replayed ${r.states.length - 1} shock(s) in date order${r.warnings.length ? ' — ' + r.warnings.join('; ') : ''}` });
    });
  const viewRun = (id: number) =>
    act('view', async () => {
      const r = await get<{ run: SavedRun }>(`/api/runs/${id}`);
      const v = await post<{ ok: boolean; scenario?: Scenario }>('/api/validate', { scenario: r.run.scenario }).catch(() => ({ ok: false, scenario: undefined }));
      setViewed({ run: r.run, scenario: v.scenario ?? null });
    });
  /** Loads a saved run's scenario into the editor; a forecast run also fills the forecasts and charts. */
  const openRunScenario = () => {
    if (!viewed) return;
    const { run: saved, scenario: parsed } = viewed;
    load({ name: saved.scenarioName, source: 'run', runId: saved.id }, saved.scenario, parsed, [], true);
    const res = saved.result as RunResponse['results'][number] | undefined;
    if (parsed && saved.kind === 'run' && res && Array.isArray(res.rounds) && Array.isArray(res.forecast?.position)) {
      const described = parsed.dimensions.map((d, k) => describeValue(d, res.forecast.position[k]));
      setRun({ scenario: parsed, warnings: [], results: [{ ...res, described }] });
    }
    if (!parsed) validate(saved.scenario);
    setStatus({ text: `opened the scenario of saved run #${saved.id} (${saved.scenarioName}); Save stores it as a new version` });
  };
  const doSave = () =>
    act('save', async () => {
      const r = await post<{ name: string; version: number }>('/api/scenarios', body());
      setLoaded({ name: r.name, source: 'saved', version: r.version });
      setDirty(false);
      await refreshList();
      setStatus({ text: `saved ${r.name} as version ${r.version}` });
    });
  const doBrief = () =>
    act('brief', async () => {
      const blob = await postBlob('/api/brief', { ...body(), engine, options: parseOptions(optionsText), runs: Math.min(Number(mcRuns) || 0, 2000), seed: seedValue(), analysisEngine: single });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${doc?.name ?? 'scenario'}-brief.html`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ text: `brief exported (${Math.round(blob.size / 1024)} KiB)` });
    });

  /** The typed options that one engine knows. */
  function pick(name: string): Record<string, string> {
    const spec = engines.find((e) => e.name === name);
    const all = parseOptions(optionsText);
    return Object.fromEntries(Object.entries(all).filter(([k]) => spec?.options.some((o) => o.name.toLowerCase() === k.toLowerCase())));
  }

  const s = scenario;
  const k = s && dimK < s.dimensions.length ? dimK : 0;
  const charts = useMemo(() => {
    if (!s) return null;
    const dim = s.dimensions[k];
    const out: { id: string; chart: ReturnType<typeof forecastsChart> }[] = [];
    const runs = run && run.scenario.actors.length === s.actors.length ? run.results : [];
    if (runs.length) out.push({ id: 'forecasts', chart: forecastsChart(s, runs, k) });
    out.push({ id: 'power', chart: effectivePowerChart(s, k) });
    for (const r of runs) if (r.rounds.length > 1) out.push({ id: `trajectory-${r.engine}`, chart: trajectoryChart(s, r, k) });
    if (mc && mc.dimensions[k]) out.push({ id: 'montecarlo', chart: monteCarloChart(s, mc.dimensions[k], k, { engine: mc.engine, runs: mc.completed }) });
    if (ka)
      out.push({
        id: 'keyactors',
        chart: tornadoChart(s, k, {
          title: `${dim.title}: key actors (${ka.engine})`,
          subtitle: `position moved ∓${fmt(ka.shift * 100)}% of the scale, and without the actor`,
          base: ka.base[k],
          rows: ka.actors.map((a) => ({ label: a.name, low: a.down[k], high: a.up[k], extra: a.without?.[k] })),
          lowName: 'position moved down',
          highName: 'position moved up',
          extraName: 'without the actor',
        }),
      });
    if (sens)
      out.push({
        id: 'sensitivity',
        chart: tornadoChart(s, k, {
          title: `${dim.title}: sensitivity (${sens.engine})`,
          base: sens.base[k],
          rows: sens.items.slice(0, 12).map((it) => ({ label: `${it.name}: ${it.field}${it.dimension ? '.' + it.dimension : ''}`, low: it.forecastLow[k], high: it.forecastHigh[k] })),
          lowName: 'at the low end',
          highName: 'at the high end',
        }),
      });
    if (replay && replay.states.length > 1) out.push({ id: 'replay', chart: replayChart(s, replay.states, k) });
    if (whatIf) out.push({ id: 'whatif', chart: whatIfChart(s, whatIf.rows, k, { label: whatIf.shocks.map((id) => s.shocks.find((x) => x.id === id)?.title ?? id).join(' + ') }) });
    return out;
  }, [s, k, run, mc, ka, sens, whatIf, replay]);

  const otherIssues = issues.filter((x) => !/^(actors|dimensions|shocks|sources)\[\d+\]/.test(x.path ?? ''));
  const paneIssues = (prefix: string) => issues.filter((x) => (x.path ?? '').startsWith(prefix + '[') || x.path === prefix).length;
  const paneCount = (id: Pane) => (Array.isArray(doc?.[id]) ? doc![id].length : 0);

  return (
    <div className="app">
      <header>
        <h1>Fulcrum</h1>
        <span className="tag">bargaining forecasts, with the evidence</span>
        <div className="spacer" />
        <button onClick={() => setImporting(!importing)} data-testid="open-import" title="paste or upload a scenario's YAML, JSON, CSV or XML">
          Load text…
        </button>
        <button onClick={() => download('yaml')} disabled={!doc} data-testid="download-yaml" title="the scenario as it stands in the editor, as a YAML file that fulcrum run loads">
          Download YAML
        </button>
        <button onClick={() => download('json')} disabled={!doc} data-testid="download-json" title="the scenario as it stands in the editor, as JSON">
          Download JSON
        </button>
        <button onClick={doSave} disabled={!doc || busy !== null || checking || issues.length > 0} data-testid="save">
          Save{dirty ? ' *' : ''}
        </button>
        <button onClick={doBrief} disabled={!doc || busy !== null || checking || issues.length > 0} data-testid="export-brief">
          {busy === 'brief' ? 'Exporting…' : 'Export brief'}
        </button>
      </header>
      <div className="main">
        <nav className="side">
          <h2>Scenarios</h2>
          <ul className="list" data-testid="scenario-list">
            {list.map((x) => {
              const cur = loaded && loaded.name === x.name && loaded.source === x.source && (x.source === 'builtin' || loaded.version === x.version);
              return (
                <li key={`${x.source}:${x.name}:${x.version ?? ''}`} className={cur ? 'cur' : ''}>
                  <button className="link" onClick={() => open({ name: x.name, source: x.source, version: x.version }).catch(errorOf)}>
                    {x.title ?? x.name}
                  </button>
                  <div className="small">{x.source === 'builtin' ? 'built-in' : `saved · v${x.version}`}</div>
                </li>
              );
            })}
          </ul>
          <h2>Run</h2>
          <label>
            Engine
            <select value={engine} onChange={(e) => setEngine(e.target.value)} data-testid="engine">
              <option value="all">all engines</option>
              {engines.map((e) => (
                <option key={e.name} value={e.name}>
                  {e.name} — {e.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            Options <span className="small">key=value, …</span>
            <input value={optionsText} onChange={(e) => setOptionsText(e.target.value)} placeholder={engines.find((e) => e.name === single)?.options.slice(0, 2).map((o) => `${o.name}=${String(o.default)}`).join(', ')} data-testid="options" />
          </label>
          {engine !== 'all' && (
            <div className="small optlist">{engines.find((e) => e.name === engine)?.options.map((o) => <div key={o.name} title={o.doc}>{o.name} = {String(o.default)}{o.values ? ` (${o.values.join('|')})` : ''}</div>)}</div>
          )}
          <label>
            Seed
            <input value={seed} onChange={(e) => setSeed(e.target.value)} inputMode="numeric" data-testid="seed" />
          </label>
          <button className="primary" onClick={doRun} disabled={!doc || busy !== null || checking || issues.length > 0} data-testid="run">
            {busy === 'run' ? 'Running…' : 'Run'}
          </button>
          <label>
            Monte Carlo runs ({single})
            <input value={mcRuns} onChange={(e) => setMcRuns(e.target.value)} inputMode="numeric" data-testid="mc-runs" />
          </label>
          <button onClick={doMc} disabled={!doc || busy !== null || checking || issues.length > 0} data-testid="run-mc">
            {busy === 'mc' ? 'Sampling…' : 'Monte Carlo'}
          </button>
          <button onClick={doKeyActors} disabled={!doc || busy !== null || checking || issues.length > 0} data-testid="run-keyactors">
            {busy === 'ka' ? 'Working…' : 'Key actors & sensitivity'}
          </button>
          {s && s.shocks.length > 0 && (
            <>
              <h2>What if</h2>
              {s.shocks.map((x) => (
                <label key={x.id} className="check" title={x.description}>
                  <input type="checkbox" checked={shocks.includes(x.id)} onChange={(e) => setShocks(e.target.checked ? [...shocks, x.id] : shocks.filter((y) => y !== x.id))} />
                  {x.title}
                </label>
              ))}
              <button onClick={doWhatIf} disabled={!doc || busy !== null || checking || ticked.length === 0 || issues.length > 0} data-testid="run-whatif">
                {busy === 'whatif' ? 'Working…' : 'Compare with base'}
              </button>
              <button onClick={doReplay} disabled={!doc || busy !== null || checking || issues.length > 0} data-testid="run-replay" title="apply the shocks one after another in date order (undated last) and forecast after each">
                {busy === 'replay' ? 'Working…' : 'Replay all in date order'}
              </button>
            </>
          )}
          <RunList runs={savedRuns} current={viewed?.run.id} onView={viewRun} onRefresh={() => refreshRuns().catch(errorOf)} />
        </nav>
        <main>
          {status && (
            <div className={`status${status.error ? ' error' : ''}`} role="status" data-testid="status">
              {status.text}
              {status.issues?.map((x, i) => (
                <div key={i}>
                  {x.path ? `${x.path}: ` : ''}
                  {x.message}
                </div>
              ))}
            </div>
          )}
          {importing && (
            <ImportPanel
              onClose={() => setImporting(false)}
              onLoaded={(r) => {
                load({ name: r.name, source: 'text' }, r.native, r.scenario, [], true);
                setImporting(false);
                setStatus({ text: `opened “${r.scenario.title}” (${r.name}) from text; Save stores it as a version of ${r.name}${r.warnings.length ? ' — ' + r.warnings.map((w) => w.message).join('; ') : ''}` });
              }}
            />
          )}
          {viewed && <RunView run={viewed.run} scenario={viewed.scenario} onOpen={openRunScenario} onClose={() => setViewed(null)} />}
          {doc && (
            <section>
              <h2 className="title">{String(doc.title ?? doc.name)}</h2>
              <p className="small">
                {loaded?.source === 'saved' && (
                  <>
                    saved version{' '}
                    <select
                      className="versions"
                      value={loaded.version ?? ''}
                      onChange={(e) => open({ name: loaded.name, source: 'saved', version: Number(e.target.value) }).catch(errorOf)}
                      data-testid="version"
                      aria-label="saved version"
                    >
                      {(versions.length ? versions : [{ version: loaded.version ?? 1, title: '', savedAt: '' }]).map((v) => (
                        <option key={v.version} value={v.version}>
                          v{v.version}
                          {v.savedAt ? ` — ${when(v.savedAt)}` : ''}
                          {v.title && v.title !== doc.title ? ` — ${v.title}` : ''}
                        </option>
                      ))}
                    </select>
                  </>
                )}
                {loaded?.source === 'builtin' && 'built-in'}
                {loaded?.source === 'run' && `the scenario of saved run #${loaded.runId} (not saved as a scenario)`}
                {loaded?.source === 'text' && 'loaded from text (not saved yet)'}
                {doc.date ? ` · as of ${doc.date}` : ''} · click a number to see its evidence; ranges are low–high (or ± sd) for Monte Carlo
              </p>
              {otherIssues.length > 0 && (
                <div className="status error" data-testid="issues">
                  {otherIssues.map((x, i) => (
                    <div key={i}>
                      {x.line ? `line ${x.line}: ` : ''}
                      {x.path ? `${x.path}: ` : ''}
                      {x.message}
                    </div>
                  ))}
                </div>
              )}
              <div className="tabs panes" role="tablist" data-testid="panes">
                {PANES.map((x) => {
                  const bad = paneIssues(x.prefix);
                  return (
                    <button key={x.id} role="tab" aria-selected={pane === x.id} className={`${pane === x.id ? 'on' : ''}${bad ? ' bad' : ''}`} onClick={() => setPane(x.id)} data-testid={`pane-${x.id}`} title={bad ? `${bad} problem(s)` : undefined}>
                      {x.label} <span className="count">{paneCount(x.id)}</span>
                      {bad > 0 && <span className="badcount">{bad}</span>}
                    </button>
                  );
                })}
              </div>
              {pane === 'dimensions' && <DimensionEditor doc={doc} issues={issues} onChange={changeWith} />}
              {pane === 'shocks' && <ShockEditor doc={doc} issues={issues} onChange={changeWith} onRenamed={(from, to) => setShocks((xs) => xs.map((x) => (x === from ? to : x)))} />}
              {pane === 'sources' && <SourceEditor doc={doc} issues={issues} onChange={changeWith} />}
              {pane === 'actors' && (
              <div className="editor">
                <ActorTable
                  doc={doc}
                  issues={issues}
                  selected={selected}
                  onSelect={setSelected}
                  onEdit={onEdit}
                  onAddActor={() => {
                    const next = addActor(doc);
                    change(next);
                    setSelected({ i: next.actors.length - 1, field: 'actor' });
                  }}
                />
                <SidePanel
                  doc={doc}
                  scenario={s}
                  issues={issues}
                  selected={selected}
                  onActorText={(i, key, raw) => change(setActorText(doc, i, key, raw))}
                  onRemoveActor={(i) => {
                    setSelected(null);
                    const name = String(doc.actors[i]?.name ?? '');
                    const r = removeActor(doc, i);
                    change(r.doc);
                    setStatus({
                      text: `removed ${name}${r.changes ? `, and ${r.changes} shock change(s) that named it` : ''}${r.shocks.length ? ` (the shock(s) ${r.shocks.map((t) => `“${t}”`).join(', ')} had no other change and went too)` : ''}`,
                    });
                  }}
                  onRenamedActor={(i, from) => {
                    const to = String(doc.actors[i]?.id ?? '');
                    if (from === '' || !freeActorId(doc, to, i) || (doc.actors ?? []).some((a: { id?: unknown }, j: number) => j !== i && a.id === from)) return;
                    const r = renameActorRefs(doc, from, to);
                    if (r.changes) {
                      change(r.doc);
                      setStatus({ text: `${r.changes} shock change(s) now name ${to} instead of ${from}` });
                    }
                  }}
                  onAddEvidence={(i, field, dim, kind) => change(addEvidence(doc, i, field, dim, kind))}
                  onSetEvidence={(i, field, dim, k, key, raw) => change(setEvidence(doc, i, field, dim, k, key, raw))}
                  onRemoveEvidence={(i, field, dim, k) => change(removeEvidence(doc, i, field, dim, k))}
                />
              </div>
              )}
            </section>
          )}
          {run && s && (
            <section>
              <h2>Forecasts</h2>
              <table className="forecasts" data-testid="forecasts">
                <thead>
                  <tr>
                    <th>Engine</th>
                    {s.dimensions.map((d) => (
                      <th key={d.id}>{d.title}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {run.results.map((r) => (
                    <tr key={r.engine}>
                      <td>{r.engine}</td>
                      {s.dimensions.map((d, j) => (
                        <td key={d.id} data-testid={`forecast-${r.engine}-${d.id}`}>
                          <b>{fmt(r.forecast.position[j])}</b> <span className="small">{r.described[j]}</span>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          {replay && s && replay.states.length > 1 && (
            <section>
              <h2>The shocks in sequence</h2>
              <p className="small">Each shock applied on top of the ones before, in date order (undated last); in brackets the change from the base case.</p>
              <ReplayTable s={s} replay={replay} />
            </section>
          )}
          {s && charts && (
            <section>
              <div className="charthead">
                <h2>Charts</h2>
                <div className="tabs" role="tablist">
                  {s.dimensions.map((d, j) => (
                    <button key={d.id} role="tab" aria-selected={j === k} className={j === k ? 'on' : ''} onClick={() => setDimK(j)}>
                      {d.title}
                    </button>
                  ))}
                </div>
              </div>
              <div className="charts">
                {charts.map((c) => (
                  <EChart key={c.id} chart={c.chart} testId={`chart-${c.id}`} />
                ))}
              </div>
            </section>
          )}
        </main>
      </div>
    </div>
  );
}

/** Each engine's forecast per issue at the base case and after each shock of the replayed sequence. */
function ReplayTable({ s, replay }: { s: Scenario; replay: ReplayResponse }) {
  const engines = replay.states[0].forecasts.map((f) => f.engine);
  return (
    <div className="tablewrap">
      <table className="forecasts replay" data-testid="replay-table">
        <thead>
          <tr>
            <th rowSpan={2}>Date</th>
            <th rowSpan={2}>After</th>
            {s.dimensions.map((d) => (
              <th key={d.id} colSpan={engines.length} className="dimhead">
                {d.title}
              </th>
            ))}
          </tr>
          <tr>
            {s.dimensions.map((d) => engines.map((e) => <th key={d.id + e}>{e}</th>))}
          </tr>
        </thead>
        <tbody>
          {replay.states.map((st, i) => (
            <tr key={i}>
              <td>{st.shock?.date ?? ''}</td>
              <td>{st.shock ? st.shock.title : <i>base case</i>}</td>
              {s.dimensions.map((d, k) =>
                engines.map((e, j) => {
                  const x = st.forecasts[j]?.position[k];
                  const base = replay.states[0].forecasts[j]?.position[k];
                  return (
                    <td key={d.id + e} className="num">
                      {fmt(x)}
                      {st.shock && <span className="small"> ({signed(x - base)})</span>}
                    </td>
                  );
                }),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
