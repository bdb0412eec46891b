// The sources evidence quotes come from: id, title, author, publisher, date, url (and the text file `fulcrum
// check --sources` reads). A new id is carried over to the quotes citing the source when you leave the field.
import { useState } from 'react';
import type { Issue } from './api.js';
import { Problems, issuesUnder } from './EvidenceEditor.js';
import { addSource, citations, freeId, removeSource, renameSourceRefs, setSource, type NativeDoc, type SourceKey } from './doc.js';

interface Props {
  doc: NativeDoc;
  issues: Issue[];
  onChange(next: NativeDoc, status?: string): void;
}

const COLUMNS: { key: SourceKey; label: string; wide?: boolean }[] = [
  { key: 'id', label: 'Id' },
  { key: 'title', label: 'Title', wide: true },
  { key: 'author', label: 'Author' },
  { key: 'publisher', label: 'Publisher' },
  { key: 'date', label: 'Date' },
  { key: 'url', label: 'URL', wide: true },
  { key: 'file', label: 'Text file' },
];

export function SourceEditor({ doc, issues, onChange }: Props) {
  const sources: Record<string, unknown>[] = Array.isArray(doc.sources) ? doc.sources : [];
  const [idAtFocus, setIdAtFocus] = useState<string | null>(null);
  return (
    <div className="sources" data-testid="source-editor">
      <div className="tablewrap">
        <table className="changes sourcetable">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key}>{c.label}</th>
              ))}
              <th>Cited</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sources.map((src, j) => {
              const base = `sources[${j}]`;
              const mine = issuesUnder(issues, base);
              const id = String(src.id ?? '');
              const n = citations(doc, id);
              return [
                <tr key={j} className={mine.length ? 'bad' : ''} data-testid={`source-${j}`}>
                  {COLUMNS.map((c) => (
                    <td key={c.key} className={issuesUnder(issues, `${base}.${c.key}`).length ? 'bad' : ''}>
                      <input
                        className={c.wide ? 'wide' : ''}
                        value={String(src[c.key] ?? '')}
                        onChange={(e) => onChange(setSource(doc, j, c.key, e.target.value))}
                        onFocus={c.key === 'id' ? (e) => setIdAtFocus(e.target.value) : undefined}
                        onBlur={
                          c.key === 'id'
                            ? (e) => {
                                const to = e.target.value;
                                if (idAtFocus !== null && idAtFocus !== to && freeId(doc.sources, to, j)) {
                                  const r = renameSourceRefs(doc, idAtFocus, to);
                                  if (r.items) onChange(r.doc, `${r.items} evidence item(s) now cite ${to} instead of ${idAtFocus}`);
                                }
                                setIdAtFocus(null);
                              }
                            : undefined
                        }
                        aria-label={`${c.label} of source ${j + 1}`}
                        data-testid={`source-${j}-${c.key}`}
                      />
                    </td>
                  ))}
                  <td className="small">{n}</td>
                  <td>
                    <button
                      className="small-btn danger"
                      onClick={() => onChange(removeSource(doc, j), `removed the source ${id}${n ? `; ${n} quote(s) still cite it — give them another source (they are marked where they are)` : ''}`)}
                      data-testid={`source-${j}-remove`}
                      title="remove this source"
                    >
                      ✕
                    </button>
                  </td>
                </tr>,
                mine.length > 0 && (
                  <tr key={`${j}-msg`}>
                    <td colSpan={COLUMNS.length + 2}>
                      <Problems list={mine} base={base} />
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
        {sources.length === 0 && <p className="small">No sources: quotes need one to cite.</p>}
      </div>
      <div className="row">
        <button onClick={() => onChange(addSource(doc), 'added a source: give it an id and a title')} data-testid="add-source">
          + Add source
        </button>
        <span className="small">a new id is carried over to the quotes that cite the source when you leave the field</span>
      </div>
    </div>
  );
}
