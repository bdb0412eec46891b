// The store's saved runs: a short list in the side bar (newest first) and, for the one picked, what was run —
// scenario, engine, options, seed, when, by which version — with its forecast in the scale's words.
import type { Scenario } from '../../src/scenario/types.js';
import { describeValue, fmt } from '../../src/scenario/describeValue.js';
import type { SavedRun, SavedRunSummary } from './api.js';

/** "2024-08-01 14:05" from an ISO time, in the browser's time zone. */
export function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function RunList({ runs, current, onView, onRefresh }: { runs: SavedRunSummary[]; current?: number; onView(id: number): void; onRefresh(): void }) {
  return (
    <>
      <div className="sidehead">
        <h2>Saved runs</h2>
        <button className="link small" onClick={onRefresh} data-testid="refresh-runs">
          refresh
        </button>
      </div>
      {runs.length === 0 && <p className="small">None yet: every Run is saved in the store (so are `fulcrum run`, `mc` and `whatif`).</p>}
      <ul className="list runs" data-testid="run-list">
        {runs.map((r) => (
          <li key={r.id} className={r.id === current ? 'cur' : ''}>
            <button className="link" onClick={() => onView(r.id)} data-testid={`run-${r.id}`}>
              #{r.id} {r.engine}
              {r.kind !== 'run' ? ` · ${r.kind}` : ''}
            </button>
            <div className="small">
              {r.scenarioName} · {when(r.createdAt)}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

interface ForecastLike {
  forecast?: { position?: unknown };
  stop?: { reason?: string; rounds?: number };
}

export function RunView({ run, scenario, onOpen, onClose }: { run: SavedRun; scenario: Scenario | null; onOpen(): void; onClose(): void }) {
  const result = (run.result ?? {}) as ForecastLike;
  const position = Array.isArray(result.forecast?.position) ? (result.forecast!.position as number[]) : undefined;
  const options = run.options && typeof run.options === 'object' ? Object.entries(run.options as Record<string, unknown>) : [];
  return (
    <section className="runview" data-testid="run-view">
      <div className="charthead">
        <h2>
          Saved run #{run.id}: {run.engine}
          {run.kind !== 'run' ? ` (${run.kind})` : ''}
        </h2>
        <div className="spacer" />
        <button onClick={onOpen} data-testid="open-run-scenario" title="load the scenario this run used into the editor (and its forecast into the charts)">
          Open its scenario
        </button>
        <button onClick={onClose}>Close</button>
      </div>
      <table className="forecasts meta">
        <tbody>
          <tr>
            <th>Scenario</th>
            <td>
              {String((run.scenario as { title?: unknown }).title ?? run.scenarioName)} <span className="small">({run.scenarioName}, content {run.scenarioHash?.slice(0, 12)}…)</span>
            </td>
          </tr>
          <tr>
            <th>Saved</th>
            <td>
              {when(run.createdAt)} · Fulcrum {run.version}
              {run.seed !== null ? ` · seed ${run.seed}` : ''}
            </td>
          </tr>
          <tr>
            <th>Options</th>
            <td className="small">{options.length ? options.map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(', ') : '(defaults)'}</td>
          </tr>
          {result.stop?.reason && (
            <tr>
              <th>Stopped</th>
              <td>
                {result.stop.reason} after {result.stop.rounds} round(s)
              </td>
            </tr>
          )}
          {position &&
            position.map((x, k) => {
              const dim = scenario?.dimensions[k];
              return (
                <tr key={k}>
                  <th>{dim?.title ?? `dimension ${k + 1}`}</th>
                  <td data-testid={`run-view-forecast-${k}`}>
                    <b>{fmt(x)}</b> {dim && <span className="small">{describeValue(dim, x)}</span>}
                  </td>
                </tr>
              );
            })}
        </tbody>
      </table>
      {!position && (
        <details>
          <summary className="small">The stored result (JSON)</summary>
          <pre className="json">{JSON.stringify(run.result, null, 2).slice(0, 20000)}</pre>
        </details>
      )}
    </section>
  );
}
