// The panel beside the table: for a number, the evidence behind it (read, or edited: quotes with their source,
// analyst judgements, what each supports and the confidence); for an actor, its name, id and description, and
// removing it. Problems the validator finds are shown on the item they concern.
import { useState } from 'react';
import type { Scenario } from '../../src/scenario/types.js';
import { describeValue } from '../../src/scenario/describeValue.js';
import type { Issue } from './api.js';
import type { Selected } from './ActorTable.js';
import { EvidenceEditor, Problems, issuesUnder } from './EvidenceEditor.js';
import { actorRowIssues, shocksNaming, cellEvidence, cellNode, cellPath, type ActorText, type EvidenceKey, type EvidenceKind, type Field, type NativeDoc } from './doc.js';

interface Props {
  doc: NativeDoc;
  scenario: Scenario | null;
  issues: Issue[];
  selected: Selected | null;
  onActorText(i: number, key: ActorText, raw: string): void;
  onRemoveActor(i: number): void;
  /** The id of actor i was changed from `from` (on leaving the field): shocks may follow it. */
  onRenamedActor(i: number, from: string): void;
  onAddEvidence(i: number, field: Field, dim: string | undefined, kind: EvidenceKind): void;
  onSetEvidence(i: number, field: Field, dim: string | undefined, k: number, key: EvidenceKey, raw: string): void;
  onRemoveEvidence(i: number, field: Field, dim: string | undefined, k: number): void;
}

export function SidePanel(p: Props) {
  const [editing, setEditing] = useState(false);
  const [idAtFocus, setIdAtFocus] = useState<string | null>(null);
  const { doc, selected } = p;
  const actor = selected ? doc.actors?.[selected.i] : undefined;
  const sources: { id: string; title?: string }[] = Array.isArray(doc.sources) ? doc.sources : [];
  const sourceTitle = new Map(sources.map((x) => [x.id, x.title ?? x.id]));

  if (!selected || !actor)
    return (
      <aside className="evidence" data-testid="evidence">
        <h3>Evidence</h3>
        <p className="small">Select a number in the table to see (and edit) the evidence behind it, or an actor's name to edit the actor.</p>
      </aside>
    );

  if (selected.field === 'actor') {
    const i = selected.i;
    const dims = (doc.dimensions ?? []).map((d: { id: string }) => d.id);
    const named = shocksNaming(doc, String(actor.id ?? ''));
    return (
      <aside className="evidence" data-testid="actor-panel">
        <h3>Actor</h3>
        <label className="field">
          Name
          <input value={String(actor.name ?? '')} onChange={(e) => p.onActorText(i, 'name', e.target.value)} data-testid="actor-name" />
        </label>
        <label className="field">
          Id <span className="small">(letters, digits, _ - .; shocks refer to it)</span>
          <input
            value={String(actor.id ?? '')}
            onFocus={(e) => setIdAtFocus(e.target.value)}
            onBlur={(e) => {
              if (idAtFocus !== null && idAtFocus !== e.target.value) p.onRenamedActor(i, idAtFocus);
              setIdAtFocus(null);
            }}
            onChange={(e) => p.onActorText(i, 'id', e.target.value)}
            data-testid="actor-id"
          />
        </label>
        <label className="field">
          Description
          <textarea rows={4} value={String(actor.description ?? '')} onChange={(e) => p.onActorText(i, 'description', e.target.value)} data-testid="actor-description" />
        </label>
        <Problems list={actorRowIssues(p.issues, i, dims)} base={`actors[${i}]`} />
        {named.length > 0 && (
          <p className="small" data-testid="actor-shocks">
            Named in the shocks {named.map((x) => `“${x.title}”`).join(', ')}: a new id is carried over to them when you leave the field;
            removing the actor removes {named.reduce((t, x) => t + x.changes, 0) === 1 ? 'that change' : 'those changes'} too.
          </p>
        )}
        <button className="danger" onClick={() => p.onRemoveActor(i)} data-testid="remove-actor">
          Remove this actor
        </button>
      </aside>
    );
  }

  const { i, field, dim } = selected as Selected & { field: Field };
  const node = cellNode(doc, i, field, dim);
  const items = cellEvidence(node);
  const path = cellPath(i, field, dim);
  const selDim = p.scenario && dim ? p.scenario.dimensions.find((d) => d.id === dim) : undefined;
  const value = typeof node === 'number' ? node : typeof (node as { value?: unknown })?.value === 'number' ? (node as { value: number }).value : undefined;
  const loose = issuesUnder(p.issues, `${path}.evidence`).filter((x) => !/^.*\.evidence\[\d+\]/.test(x.path ?? ''));
  return (
    <aside className="evidence" data-testid="evidence">
      <div className="panelhead">
        <h3>Evidence</h3>
        <button className="small-btn" onClick={() => setEditing(!editing)} data-testid="edit-evidence">
          {editing ? 'Done' : 'Edit'}
        </button>
      </div>
      <p>
        <b>{String(actor.name ?? '')}</b> — {field}
        {selDim ? ` on “${selDim.title}”` : ''}
      </p>
      {selDim && value !== undefined && value >= selDim.scale.min && value <= selDim.scale.max && <p className="small">{describeValue(selDim, value)}</p>}
      {!editing && items.length === 0 && <p className="small">No evidence recorded for this number.</p>}
      {editing ? (
        <EvidenceEditor
          items={items}
          base={`${path}.evidence`}
          issues={p.issues.filter((x) => x.path !== `${path}.evidence`)}
          sources={sources}
          testId="evidence-list"
          idPrefix="evidence"
          showAdd={false}
          onAdd={(kind) => p.onAddEvidence(i, field, dim, kind)}
          onSet={(k, key, raw) => p.onSetEvidence(i, field, dim, k, key, raw)}
          onRemove={(k) => p.onRemoveEvidence(i, field, dim, k)}
        />
      ) : (
        items.map((ev, k) => {
          const base = `${path}.evidence[${k}]`;
          const mine = issuesUnder(p.issues, base);
          return (
            <blockquote key={k} className={mine.length ? 'bad' : ''}>
              {ev.quote !== undefined && <p className="quote">“{ev.quote}”</p>}
              {ev.judgement !== undefined && <p>Analyst judgement: {ev.judgement}</p>}
              {ev.source && <p className="small">— {sourceTitle.get(ev.source) ?? ev.source}</p>}
              {ev.supports && <p className="small">Supports: {ev.supports}</p>}
              {ev.confidence && <p className="small">Confidence: {ev.confidence}</p>}
              <Problems list={mine} base={base} />
            </blockquote>
          );
        })
      )}
      <Problems list={loose} base={path} />
      <div className="row">
        <button
          className="small-btn"
          onClick={() => {
            setEditing(true);
            p.onAddEvidence(i, field, dim, 'quote');
          }}
          disabled={sources.length === 0}
          title={sources.length === 0 ? 'the scenario lists no sources to quote from' : 'add a verbatim quote from one of the sources'}
          data-testid="add-quote"
        >
          + Quote
        </button>
        <button
          className="small-btn"
          onClick={() => {
            setEditing(true);
            p.onAddEvidence(i, field, dim, 'judgement');
          }}
          data-testid="add-judgement"
        >
          + Analyst judgement
        </button>
      </div>
    </aside>
  );
}
