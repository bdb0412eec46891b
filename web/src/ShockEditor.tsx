// The shocks of the scenario: a list, and the selected shock's id, title, date, description, evidence and
// changes (an actor's capability, position or salience set, shifted or scaled; or an actor removed). Problems
// the validator finds are shown on the field they concern.
import { useState } from 'react';
import type { Issue } from './api.js';
import { EvidenceEditor, Problems, issuesUnder } from './EvidenceEditor.js';
import {
  addChange,
  addShock,
  changeFields,
  changeForm,
  evidenceAdd,
  evidenceRemove,
  evidenceSet,
  removeChange,
  removeShock,
  setChange,
  setShockEvidence,
  setShockText,
  type ChangeForm,
  type ChangeOp,
  type NativeDoc,
  type ShockText,
} from './doc.js';

interface Props {
  doc: NativeDoc;
  issues: Issue[];
  onChange(next: NativeDoc, status?: string): void;
  /** A shock's id was edited: the what-if selection follows it. */
  onRenamed(from: string, to: string): void;
}

const OPS: { op: ChangeOp; label: string }[] = [
  { op: 'value', label: 'set to' },
  { op: 'by', label: 'add' },
  { op: 'times', label: 'multiply by' },
];

/** The actor's current value of a change's field, as a plain number (for the hint beside the change). */
function currentValue(doc: NativeDoc, actor: string, field: string): number | undefined {
  const a = (doc.actors ?? []).find((x: { id?: unknown }) => x.id === actor);
  if (!a) return undefined;
  const [f, dim] = field.split('.');
  const node = f === 'capability' ? a.capability : dim ? a[f]?.[dim] : undefined;
  const v = typeof node === 'number' ? node : node?.value;
  return typeof v === 'number' ? v : undefined;
}

export function ShockEditor({ doc, issues, onChange, onRenamed }: Props) {
  const shocks: Record<string, any>[] = Array.isArray(doc.shocks) ? doc.shocks : [];
  const [sel, setSel] = useState(0);
  const s = Math.min(sel, Math.max(0, shocks.length - 1));
  const sh = shocks[s];
  const actors: { id?: unknown; name?: unknown }[] = Array.isArray(doc.actors) ? doc.actors : [];
  const sources: { id: string; title?: string }[] = Array.isArray(doc.sources) ? doc.sources : [];
  const fields = changeFields(doc);
  const base = `shocks[${s}]`;
  const text = (key: ShockText, label: string, hint?: string, area = false) => {
    const path = `${base}.${key}`;
    const mine = issuesUnder(issues, path);
    const onText = (e: { target: { value: string } }) => {
      onChange(setShockText(doc, s, key, e.target.value));
      if (key === 'id') onRenamed(String(sh?.id ?? ''), e.target.value);
    };
    return (
      <label className={`field${mine.length ? ' bad' : ''}`}>
        <span>
          {label} {hint && <span className="small">{hint}</span>}
        </span>
        {area ? <textarea rows={2} value={String(sh?.[key] ?? '')} onChange={onText} data-testid={`shock-${key}`} /> : <input value={String(sh?.[key] ?? '')} onChange={onText} data-testid={`shock-${key}`} />}
        <Problems list={mine} base={path} />
      </label>
    );
  };
  return (
    <div className="subeditor" data-testid="shock-editor">
      <div className="sublist">
        <ul className="list">
          {shocks.map((x, i) => (
            <li key={i} className={`${i === s ? 'cur' : ''}${issuesUnder(issues, `shocks[${i}]`).length ? ' bad' : ''}`}>
              <button className="link" onClick={() => setSel(i)} data-testid={`shock-${i}`}>
                {String(x.title || x.id || '(untitled)')}
              </button>
              <div className="small">
                {x.date ? `${x.date} · ` : ''}
                {Array.isArray(x.changes) ? x.changes.length : 0} change(s)
              </div>
            </li>
          ))}
        </ul>
        {shocks.length === 0 && <p className="small">No shocks yet: a shock is a named what-if, a set of changes to the actors.</p>}
        <button
          onClick={() => {
            onChange(addShock(doc), 'added a shock: give it a title and its changes');
            setSel(shocks.length);
          }}
          data-testid="add-shock"
        >
          + Add shock
        </button>
      </div>
      {sh && (
        <div className="subform">
          <div className="grid2">
            {text('title', 'Title')}
            {text('id', 'Id', '(letters, digits, _ - .)')}
          </div>
          <div className="grid2">
            {text('date', 'Date', '(e.g. 2024-09; replay goes in date order)')}
            {text('description', 'Description', undefined, true)}
          </div>
          <Problems list={issues.filter((x) => x.path === base)} base={base} />
          <h4>Changes</h4>
          <table className="changes">
            <tbody>
              {(Array.isArray(sh.changes) ? sh.changes : []).map((c: unknown, j: number) => {
                const f = changeForm(c);
                const path = `${base}.changes[${j}]`;
                const mine = issuesUnder(issues, path);
                const put = (next: ChangeForm) => onChange(setChange(doc, s, j, next));
                const actorSelect = (actor: string) => (
                  <select value={actor} onChange={(e) => put({ ...(f as Exclude<ChangeForm, { kind: 'other' }>), actor: e.target.value })} data-testid={`change-${j}-actor`}>
                    {actors.map((a) => (
                      <option key={String(a.id)} value={String(a.id)}>
                        {String(a.name ?? a.id)}
                      </option>
                    ))}
                    {!actors.some((a) => a.id === actor) && <option value={actor}>{actor || '(none)'} (unknown)</option>}
                  </select>
                );
                const now = f.kind === 'field' ? currentValue(doc, f.actor, f.field) : undefined;
                return [
                  <tr key={j} className={mine.length ? 'bad' : ''} data-testid={`change-${j}`}>
                    <td>
                      {f.kind === 'other' ? (
                        <span className="small">adds an actor (edit it in the YAML)</span>
                      ) : (
                        <select
                          value={f.kind}
                          onChange={(e) => put(e.target.value === 'remove' ? { kind: 'remove', actor: f.actor } : { kind: 'field', actor: f.actor, field: 'capability', op: 'times', amount: '1' })}
                          data-testid={`change-${j}-kind`}
                        >
                          <option value="field">changes</option>
                          <option value="remove">removes the actor</option>
                        </select>
                      )}
                    </td>
                    <td>{f.kind !== 'other' && actorSelect(f.actor)}</td>
                    {f.kind === 'field' ? (
                      <>
                        <td>
                          <select value={f.field} onChange={(e) => put({ ...f, field: e.target.value })} data-testid={`change-${j}-field`}>
                            {fields.map((x) => (
                              <option key={x} value={x}>
                                {x}
                              </option>
                            ))}
                            {!fields.includes(f.field) && <option value={f.field}>{f.field} (unknown)</option>}
                          </select>
                        </td>
                        <td>
                          <select value={f.op} onChange={(e) => put({ ...f, op: e.target.value as ChangeOp })} data-testid={`change-${j}-op`}>
                            {OPS.map((o) => (
                              <option key={o.op} value={o.op}>
                                {o.label}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td>
                          <input className="num" value={f.amount} inputMode="decimal" onChange={(e) => put({ ...f, amount: e.target.value })} data-testid={`change-${j}-amount`} />
                          {now !== undefined && <span className="small"> now {now}</span>}
                        </td>
                      </>
                    ) : (
                      <td colSpan={3} />
                    )}
                    <td>
                      <button className="small-btn danger" onClick={() => onChange(removeChange(doc, s, j))} data-testid={`change-${j}-remove`} title="remove this change">
                        ✕
                      </button>
                    </td>
                  </tr>,
                  mine.length > 0 && (
                    <tr key={`${j}-msg`} className="bad" data-testid={`change-${j}-problems`}>
                      <td colSpan={6}>
                        <Problems list={mine} base={path} />
                      </td>
                    </tr>
                  ),
                ];
              })}
            </tbody>
          </table>
          <Problems list={issues.filter((x) => x.path === `${base}.changes`)} base={`${base}.changes`} />
          <button className="small-btn" onClick={() => onChange(addChange(doc, s))} data-testid="add-change">
            + Change
          </button>
          <h4>Evidence</h4>
          <EvidenceEditor
            items={Array.isArray(sh.evidence) ? sh.evidence : []}
            base={`${base}.evidence`}
            issues={issues}
            sources={sources}
            testId="shock-evidence"
            onAdd={(kind) => onChange(setShockEvidence(doc, s, evidenceAdd(sh.evidence, kind, sources[0]?.id)))}
            onSet={(k, key, raw) => onChange(setShockEvidence(doc, s, evidenceSet(sh.evidence, k, key, raw)))}
            onRemove={(k) => onChange(setShockEvidence(doc, s, evidenceRemove(sh.evidence, k)))}
          />
          <div className="row">
            <div className="spacer" />
            <button
              className="danger"
              onClick={() => {
                onChange(removeShock(doc, s), `removed the shock “${String(sh.title ?? sh.id)}”`);
                setSel(Math.max(0, s - 1));
              }}
              data-testid="remove-shock"
            >
              Remove this shock
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
