// The dimensions (issues) of the scenario: a list, and the selected one's id, title, description, scale (ends
// and their words), labelled points and named bands; adding one gives every actor the middle of its scale and
// salience 0.5. Problems the validator finds are shown on the field they concern.
import { useState } from 'react';
import type { Issue } from './api.js';
import { Problems, issuesUnder } from './EvidenceEditor.js';
import { addDimension, addScaleItem, freeId, removeDimension, removeScaleItem, renameDimension, setDimText, setScale, setScaleItem, type NativeDoc, type ScaleKey } from './doc.js';

interface Props {
  doc: NativeDoc;
  issues: Issue[];
  onChange(next: NativeDoc, status?: string): void;
}

/** The id field: typed freely, applied on leaving it (carried over to the actors and shocks) when free. */
function DimId({ doc, k, onChange }: { doc: NativeDoc; k: number; onChange: Props['onChange'] }) {
  const current = String(doc.dimensions[k]?.id ?? '');
  const [typed, setTyped] = useState<string | null>(null);
  const value = typed ?? current;
  const bad = typed !== null && typed !== current && !freeId(doc.dimensions, typed, k);
  const apply = () => {
    if (typed === null || typed === current) return setTyped(null);
    const r = renameDimension(doc, k, typed);
    if (r.ok) {
      onChange(r.doc, `the dimension ${current} is now ${typed}, in every actor's position and salience and in the shocks`);
      setTyped(null);
    }
  };
  return (
    <label className={`field${bad ? ' bad' : ''}`}>
      <span>
        Id <span className="small">(applied when you leave the field)</span>
      </span>
      <input value={value} onChange={(e) => setTyped(e.target.value)} onBlur={apply} onKeyDown={(e) => e.key === 'Enter' && apply()} data-testid="dim-id" />
      {bad && (
        <div className="msg wide" role="alert">
          must be an id of letters, digits, "_", "-" or "." that no other dimension has
        </div>
      )}
    </label>
  );
}

export function DimensionEditor({ doc, issues, onChange }: Props) {
  const dims: Record<string, any>[] = Array.isArray(doc.dimensions) ? doc.dimensions : [];
  const [sel, setSel] = useState(0);
  const k = Math.min(sel, Math.max(0, dims.length - 1));
  const d = dims[k];
  const base = `dimensions[${k}]`;
  const scale = d?.scale ?? {};
  const field = (label: string, path: string, value: unknown, set: (raw: string) => void, testId: string, opts: { area?: boolean; num?: boolean; hint?: string } = {}) => {
    const mine = issuesUnder(issues, path);
    return (
      <label className={`field${mine.length ? ' bad' : ''}`}>
        <span>
          {label} {opts.hint && <span className="small">{opts.hint}</span>}
        </span>
        {opts.area ? (
          <textarea rows={2} value={String(value ?? '')} onChange={(e) => set(e.target.value)} data-testid={testId} />
        ) : (
          <input className={opts.num ? 'num' : ''} inputMode={opts.num ? 'decimal' : undefined} value={String(value ?? '')} onChange={(e) => set(e.target.value)} data-testid={testId} />
        )}
        <Problems list={mine} base={path} />
      </label>
    );
  };
  const scaleField = (key: ScaleKey, label: string, hint?: string) =>
    field(label, `${base}.scale.${key}`, scale[key], (raw) => onChange(setScale(doc, k, key, raw)), `dim-${key}`, { num: key === 'min' || key === 'max', hint });
  const points: Record<string, unknown>[] = Array.isArray(scale.points) ? scale.points : [];
  const bands: Record<string, unknown>[] = Array.isArray(scale.bands) ? scale.bands : [];
  const cell = (list: 'points' | 'bands', j: number, key: 'value' | 'label' | 'id' | 'from' | 'to', value: unknown) => {
    const path = `${base}.scale.${list}[${j}].${key}`;
    return (
      <td className={issuesUnder(issues, path).length ? 'bad' : ''}>
        <input
          className={key === 'label' ? 'label' : key === 'id' ? 'id' : 'num'}
          value={String(value ?? '')}
          onChange={(e) => onChange(setScaleItem(doc, k, list, j, key, e.target.value))}
          aria-label={`${key} of ${list === 'points' ? 'point' : 'band'} ${j + 1}`}
          data-testid={`dim-${list}-${j}-${key}`}
        />
      </td>
    );
  };
  return (
    <div className="subeditor" data-testid="dim-editor">
      <div className="sublist">
        <ul className="list">
          {dims.map((x, i) => (
            <li key={i} className={`${i === k ? 'cur' : ''}${issuesUnder(issues, `dimensions[${i}]`).length ? ' bad' : ''}`}>
              <button className="link" onClick={() => setSel(i)} data-testid={`dim-${i}`}>
                {String(x.title || x.id || '(untitled)')}
              </button>
              <div className="small">{String(x.id ?? '')}</div>
            </li>
          ))}
        </ul>
        <button
          onClick={() => {
            onChange(addDimension(doc), 'added a dimension: every actor stands at the middle of its scale with salience 0.5 — edit them in the table');
            setSel(dims.length);
          }}
          data-testid="add-dim"
        >
          + Add dimension
        </button>
      </div>
      {d && (
        <div className="subform" key={k}>
          <div className="grid2">
            {field('Title', `${base}.title`, d.title, (raw) => onChange(setDimText(doc, k, 'title', raw)), 'dim-title')}
            <DimId doc={doc} k={k} onChange={onChange} />
          </div>
          {field('Description', `${base}.description`, d.description, (raw) => onChange(setDimText(doc, k, 'description', raw)), 'dim-description', { area: true })}
          <h4>Scale</h4>
          <div className="grid4">
            {scaleField('min', 'Min')}
            {scaleField('low', 'Low end means')}
            {scaleField('max', 'Max')}
            {scaleField('high', 'High end means')}
          </div>
          <Problems list={issues.filter((x) => x.path === `${base}.scale` || x.path === base)} base={base} />
          <h4>Labelled points</h4>
          <table className="changes">
            <tbody>
              {points.map((pt, j) => (
                <tr key={j}>
                  {cell('points', j, 'value', pt.value)}
                  {cell('points', j, 'label', pt.label)}
                  <td>
                    <button className="small-btn danger" onClick={() => onChange(removeScaleItem(doc, k, 'points', j))} data-testid={`dim-points-${j}-remove`} title="remove this point">
                      ✕
                    </button>
                  </td>
                  <td className="msgcell">
                    <Problems list={issuesUnder(issues, `${base}.scale.points[${j}]`)} base={`${base}.scale.points[${j}]`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button className="small-btn" onClick={() => onChange(addScaleItem(doc, k, 'points'))} data-testid="add-point">
            + Point
          </button>
          <h4>Named bands <span className="small">(Monte Carlo reports the probability of each)</span></h4>
          <table className="changes">
            {bands.length > 0 && (
              <thead>
                <tr>
                  <th>id</th>
                  <th>label</th>
                  <th>from</th>
                  <th>to</th>
                </tr>
              </thead>
            )}
            <tbody>
              {bands.map((b, j) => (
                <tr key={j}>
                  {cell('bands', j, 'id', b.id)}
                  {cell('bands', j, 'label', b.label)}
                  {cell('bands', j, 'from', b.from)}
                  {cell('bands', j, 'to', b.to)}
                  <td>
                    <button className="small-btn danger" onClick={() => onChange(removeScaleItem(doc, k, 'bands', j))} data-testid={`dim-bands-${j}-remove`} title="remove this band">
                      ✕
                    </button>
                  </td>
                  <td className="msgcell">
                    <Problems list={issuesUnder(issues, `${base}.scale.bands[${j}]`)} base={`${base}.scale.bands[${j}]`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button className="small-btn" onClick={() => onChange(addScaleItem(doc, k, 'bands'))} data-testid="add-band">
            + Band
          </button>
          <div className="row">
            <div className="spacer" />
            <button
              className="danger"
              disabled={dims.length < 2}
              title={dims.length < 2 ? 'a scenario needs at least one dimension' : 'remove the dimension, its positions and saliences, and the shock changes that name it'}
              onClick={() => {
                const r = removeDimension(doc, k);
                onChange(
                  r.doc,
                  `removed the dimension “${String(d.title ?? d.id)}” and every actor's position and salience on it${r.changes ? `, and ${r.changes} shock change(s) that named it` : ''}${r.shocks.length ? ` (the shock(s) ${r.shocks.map((t) => `“${t}”`).join(', ')} had no other change and went too)` : ''}`,
                );
                setSel(Math.max(0, k - 1));
              }}
              data-testid="remove-dim"
            >
              Remove this dimension
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
