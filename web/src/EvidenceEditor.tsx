// An editable list of evidence items (a shock's, or a number's in the evidence panel): quotes with their source, analyst judgements, what each
// supports and the confidence; the validator's problems shown on the item they concern.
import type { Issue } from './api.js';
import type { EvidenceKey, EvidenceKind } from './doc.js';

export const issuesUnder = (issues: Issue[], path: string) => issues.filter((x) => x.path === path || x.path?.startsWith(path + '.') || x.path?.startsWith(path + '['));

/** The problems of a path, each prefixed by the part of its path below `base`. */
export function Problems({ list, base }: { list: Issue[]; base: string }) {
  return (
    <>
      {list.map((x, k) => (
        <div key={k} className="msg wide" role="alert">
          {x.path && x.path !== base ? `${x.path.slice(base.length).replace(/^\./, '')}: ` : ''}
          {x.message}
        </div>
      ))}
    </>
  );
}

interface Props {
  items: Record<string, string>[];
  /** The field path of the list, as the validator reports it (`shocks[0].evidence`). */
  base: string;
  issues: Issue[];
  sources: { id: string; title?: string }[];
  testId: string;
  /** Prefix of the items' test ids (`PREFIX-0-quote`); default `testId`. */
  idPrefix?: string;
  /** Show the "+ Quote" / "+ Analyst judgement" buttons (default true; the evidence panel has its own). */
  showAdd?: boolean;
  onAdd(kind: EvidenceKind): void;
  onSet(k: number, key: EvidenceKey, raw: string): void;
  onRemove(k: number): void;
}

export function EvidenceEditor(p: Props) {
  const known = new Set(p.sources.map((x) => x.id));
  return (
    <div className="evlist" data-testid={p.testId}>
      {p.items.length === 0 && <p className="small">No evidence recorded.</p>}
      {p.items.map((ev, k) => {
        const base = `${p.base}[${k}]`;
        const mine = issuesUnder(p.issues, base);
        const isQuote = ev.quote !== undefined || ev.source !== undefined;
        const set = (key: EvidenceKey) => (e: { target: { value: string } }) => p.onSet(k, key, e.target.value);
        const id = `${p.idPrefix ?? p.testId}-${k}`;
        return (
          <fieldset key={k} className={`evform${mine.length ? ' bad' : ''}`} data-testid={id}>
            <legend>{isQuote ? 'Quote' : 'Analyst judgement'}</legend>
            {isQuote && (
              <div className="grid2">
                <label className="field">
                  Source
                  <select value={ev.source ?? ''} onChange={set('source')} data-testid={`${id}-source`}>
                    <option value="">(none)</option>
                    {p.sources.map((x) => (
                      <option key={x.id} value={x.id}>
                        {x.title ?? x.id}
                      </option>
                    ))}
                    {ev.source && !known.has(ev.source) && <option value={ev.source}>{ev.source} (unknown)</option>}
                  </select>
                </label>
                <label className="field">
                  Quote <span className="small">(verbatim)</span>
                  <textarea rows={2} value={ev.quote ?? ''} onChange={set('quote')} data-testid={`${id}-quote`} />
                </label>
              </div>
            )}
            {(!isQuote || ev.judgement !== undefined) && (
              <label className="field">
                Judgement <span className="small">(the reasoning)</span>
                <textarea rows={2} value={ev.judgement ?? ''} onChange={set('judgement')} data-testid={`${id}-judgement`} />
              </label>
            )}
            <div className="row">
              <label className="field grow">
                Supports
                <input value={ev.supports ?? ''} onChange={set('supports')} data-testid={`${id}-supports`} />
              </label>
              <label className="field">
                Confidence
                <select value={ev.confidence ?? ''} onChange={set('confidence')} data-testid={`${id}-confidence`}>
                  <option value="">—</option>
                  <option value="low">low</option>
                  <option value="medium">medium</option>
                  <option value="high">high</option>
                </select>
              </label>
              <button className="small-btn danger" onClick={() => p.onRemove(k)} data-testid={`${id}-remove`}>
                Remove
              </button>
            </div>
            <Problems list={mine} base={base} />
          </fieldset>
        );
      })}
      <Problems list={p.issues.filter((x) => x.path === p.base)} base={p.base} />
      {p.showAdd !== false && (
      <div className="row">
        <button className="small-btn" onClick={() => p.onAdd('quote')} disabled={p.sources.length === 0} title={p.sources.length === 0 ? 'the scenario lists no sources to quote from' : 'add a verbatim quote from one of the sources'} data-testid={`${p.testId}-add-quote`}>
          + Quote
        </button>
        <button className="small-btn" onClick={() => p.onAdd('judgement')} data-testid={`${p.testId}-add-judgement`}>
          + Analyst judgement
        </button>
      </div>
      )}
    </div>
  );
}
