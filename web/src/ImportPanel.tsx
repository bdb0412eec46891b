// Paste or upload a scenario's text (YAML, JSON, actor CSV or KTAB XML). The file is read in the browser and its
// text sent to the API, which reads it with the command line's loaders; problems are listed with their line, and
// clicking one selects that line in the text.
import { useRef, useState } from 'react';
import type { Scenario } from '../../src/scenario/types.js';
import { ApiError, post, type Issue } from './api.js';
import type { NativeDoc } from './doc.js';
import { guessFormat } from './guessFormat.js';

export type Format = 'yaml' | 'json' | 'csv' | 'xml';

/** Largest text sent (the server refuses bodies over 1 MiB). */
const MAX_TEXT = 1000 * 1024;

/** The start and end offsets of a 1-based line of `text`. */
function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return [text.length, text.length];
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end < 0 ? text.length : end];
}

interface Props {
  onLoaded(r: { name: string; native: NativeDoc; scenario: Scenario; warnings: Issue[] }): void;
  onClose(): void;
}

export function ImportPanel({ onLoaded, onClose }: Props) {
  const [text, setText] = useState('');
  const [format, setFormat] = useState<'auto' | Format>('auto');
  const [fileName, setFileName] = useState<string | undefined>();
  const [problems, setProblems] = useState<Issue[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);

  const chosen: Format = format === 'auto' ? guessFormat(text, fileName) : format;

  const readFile = async (f: File | undefined) => {
    if (!f) return;
    if (f.size > MAX_TEXT) {
      setNote(`${f.name} is ${Math.round(f.size / 1024)} KiB; the limit is ${MAX_TEXT / 1024} KiB`);
      return;
    }
    setFileName(f.name);
    setText(await f.text());
    setProblems([]);
    setNote(`read ${f.name}`);
  };

  const load = async () => {
    setBusy(true);
    setProblems([]);
    setNote(null);
    try {
      const r = await post<{ name: string; native: NativeDoc; scenario: Scenario; warnings: Issue[] }>('/api/import', { text, format: chosen });
      onLoaded(r);
    } catch (e) {
      const err = e as ApiError;
      setProblems(err.issues?.length ? err.issues : [{ message: err.message }]);
    } finally {
      setBusy(false);
    }
  };

  const goTo = (line?: number) => {
    const el = area.current;
    if (!el || !line) return;
    const [a, b] = lineRange(text, line);
    el.focus();
    el.setSelectionRange(a, b);
    const lh = parseFloat(getComputedStyle(el).lineHeight) || 16;
    el.scrollTop = Math.max(0, (line - 3) * lh);
  };

  const lines = text ? text.split('\n').length : 0;
  return (
    <section className="importer" data-testid="import-panel">
      <div className="charthead">
        <h2>Load a scenario from text</h2>
        <div className="spacer" />
        <button onClick={onClose}>Close</button>
      </div>
      <p className="small">
        Paste a scenario (YAML or JSON as in <code>docs/scenario-format.md</code>, an actor CSV, or KTAB CSV/XML) or choose a file. It is checked by the same
        schema as <code>fulcrum check</code> and opened in the editor, unsaved.
      </p>
      <div className="row">
        <input type="file" accept=".yaml,.yml,.json,.csv,.xml,text/*" onChange={(e) => readFile(e.target.files?.[0])} data-testid="import-file" />
        <label>
          Format{' '}
          <select value={format} onChange={(e) => setFormat(e.target.value as 'auto' | Format)} data-testid="import-format">
            <option value="auto">auto ({guessFormat(text, fileName)})</option>
            <option value="yaml">YAML</option>
            <option value="json">JSON</option>
            <option value="csv">CSV</option>
            <option value="xml">KTAB XML</option>
          </select>
        </label>
        <div className="spacer" />
        <button className="primary" onClick={load} disabled={busy || text.trim() === '' || text.length > MAX_TEXT} data-testid="import-load">
          {busy ? 'Checking…' : 'Check and open'}
        </button>
      </div>
      <textarea
        ref={area}
        className="importtext"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setProblems([]);
        }}
        placeholder={'name: my-case\ntitle: …\ndimensions:\n  - id: …\nactors:\n  - id: …'}
        rows={14}
        data-testid="import-text"
      />
      <div className="small">
        {lines} line(s){text.length > MAX_TEXT ? ` — too long (limit ${MAX_TEXT / 1024} KiB)` : ''}
        {note ? ` · ${note}` : ''}
      </div>
      {problems.length > 0 && (
        <div className="status error" data-testid="import-issues">
          {problems.length} problem(s); click one to select its line:
          {problems.map((x, i) => (
            <div key={i}>
              <button className="link issue" onClick={() => goTo(x.line)} disabled={!x.line}>
                {x.line ? `line ${x.line}: ` : ''}
                {x.path ? `${x.path}: ` : ''}
                {x.message}
              </button>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
