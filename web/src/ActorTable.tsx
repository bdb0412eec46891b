// The actors × dimensions table: capability, and per dimension position and salience, each with its
// uncertainty (low–high or sd), edited in place; problems the validator finds are shown in the cell.
import type { Issue } from './api.js';
import { actorRowIssues, cellNode, cellPart, cellPath, type Field, type NativeDoc, type Part } from './doc.js';

/** What the side panel shows: a number's evidence, or (field 'actor') the actor itself. */
export interface Selected {
  i: number;
  field: Field | 'actor';
  dim?: string;
}

interface Props {
  doc: NativeDoc;
  issues: Issue[];
  selected: Selected | null;
  onSelect(s: Selected): void;
  onEdit(i: number, field: Field, dim: string | undefined, part: Part, raw: string): void;
  onAddActor(): void;
}

const issuesAt = (issues: Issue[], path: string) => issues.filter((x) => x.path === path || x.path?.startsWith(path + '.'));

function Cell({ doc, issues, selected, onSelect, onEdit, i, field, dim }: Props & Selected & { field: Field }) {
  const node = cellNode(doc, i, field, dim);
  const path = cellPath(i, field, dim);
  const mine = issuesAt(issues, path);
  const isSel = selected?.i === i && selected.field === field && selected.dim === dim;
  const hasSd = cellPart(node, 'sd') !== '';
  const evidence = node && typeof node === 'object' && Array.isArray((node as { evidence?: unknown[] }).evidence) ? (node as { evidence: unknown[] }).evidence.length : 0;
  const input = (part: Part, cls: string, label: string) => (
    <input
      className={cls}
      aria-label={`${label} ${path}`}
      data-testid={`${path}.${part}`}
      value={cellPart(node, part)}
      placeholder={part === 'value' ? '' : part}
      inputMode="decimal"
      onFocus={() => onSelect({ i, field, dim })}
      onChange={(e) => onEdit(i, field, dim, part, e.target.value)}
    />
  );
  return (
    <td className={`cell${mine.length ? ' bad' : ''}${isSel ? ' sel' : ''}`} onClick={() => onSelect({ i, field, dim })} title={mine.map((x) => x.message).join('\n')}>
      <div className="cellrow">
        {input('value', 'v', 'value of')}
        {evidence > 0 && <span className="ev" title={`${evidence} evidence item(s)`}>{evidence}</span>}
      </div>
      <div className="cellrow unc">
        {hasSd ? (
          <>± {input('sd', 'u', 'sd of')}</>
        ) : (
          <>
            {input('low', 'u', 'low of')}–{input('high', 'u', 'high of')}
          </>
        )}
      </div>
      {mine.map((x, k) => (
        <div key={k} className="msg" role="alert">
          {x.path !== path ? `${x.path!.slice(path.length + 1)}: ` : ''}
          {x.message}
        </div>
      ))}
    </td>
  );
}

export function ActorTable(p: Props) {
  const dims: { id: string; title: string }[] = p.doc.dimensions ?? [];
  const actors: { id?: unknown; name?: unknown }[] = p.doc.actors ?? [];
  return (
    <div className="tablewrap">
      <table className="actors">
        <thead>
          <tr>
            <th rowSpan={2}>Actor</th>
            <th rowSpan={2} title="clout, one unit shared by all actors">Capability</th>
            {dims.map((d) => (
              <th key={d.id} colSpan={2} className="dimhead">
                {d.title}
              </th>
            ))}
          </tr>
          <tr>
            {dims.map((d) => [
              <th key={d.id + 'p'}>Position</th>,
              <th key={d.id + 's'} title="how much the actor cares, 0–1">Salience</th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {actors.map((a, i) => {
            const rowIssues = actorRowIssues(p.issues, i, dims.map((d) => d.id));
            const isSel = p.selected?.i === i && p.selected.field === 'actor';
            return (
              <tr key={i}>
                <th
                  className={`actor${isSel ? ' sel' : ''}${rowIssues.length ? ' bad' : ''}`}
                  onClick={() => p.onSelect({ i, field: 'actor' })}
                  tabIndex={0}
                  onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && p.onSelect({ i, field: 'actor' })}
                  title="edit this actor: name, id, description, or remove it"
                >
                  <div className="name" data-testid={`actors[${i}].name`}>
                    {String(a.name ?? '')}
                  </div>
                  <div className="id small" data-testid={`actors[${i}].id`}>
                    {String(a.id ?? '')}
                  </div>
                  {rowIssues.map((x, k) => (
                    <div key={k} className="msg" role="alert">
                      {x.path && x.path !== `actors[${i}]` ? `${x.path.slice(`actors[${i}]`.length + 1)}: ` : ''}
                      {x.message}
                    </div>
                  ))}
                </th>
                <Cell {...p} i={i} field="capability" />
                {dims.map((d) => [<Cell key={d.id + 'p'} {...p} i={i} field="position" dim={d.id} />, <Cell key={d.id + 's'} {...p} i={i} field="salience" dim={d.id} />])}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="tablefoot">
        <button onClick={p.onAddActor} data-testid="add-actor">
          + Add actor
        </button>
        <span className="small">click an actor's name to edit its name, id and description, or to remove it</span>
      </div>
    </div>
  );
}
