import type { RunResult } from '../engines/types.js';
import type { Scenario } from '../scenario/types.js';
import { describeValue, fmt } from '../scenario/describeValue.js';
import { cycleNote, pointForecast } from '../engines/pointForecast.js';

/** Left-aligned text table with a header row and a rule. */
export function textTable(header: string[], rows: string[][], rightAlign: boolean[] = []): string {
  const w = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (rightAlign[c] ? cell.padStart(w[c]) : cell.padEnd(w[c])))
      .join('  ')
      .trimEnd();
  return [line(header), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

/** How the run of dimension k stopped (per dimension where the engine reports it, as the EUM does). */
function stopText(r: RunResult, k: number): string {
  if (r.stop.reason === 'closed-form') return 'closed form';
  const dim = (r.stop.dimensions as { reason?: string; rounds?: number }[] | undefined)?.[k];
  const reason = dim?.reason ?? r.stop.reason;
  const rounds = dim?.rounds ?? r.stop.rounds;
  const n = `${rounds} round${rounds === 1 ? '' : 's'}`;
  return reason === 'rounds' ? `fixed horizon of ${n}` : `${reason} after ${n}`;
}

/** The readable `fulcrum run` output: the actors' inputs, each engine's forecast and what it means in words. */
export function renderRunTable(s: Scenario, results: RunResult[], opts: { explain: boolean }): string {
  let out = `${s.title}${s.date ? ` (${s.date})` : ''}\n${s.actors.length} actors, ${s.dimensions.length} dimension${s.dimensions.length > 1 ? 's' : ''}\n\n`;
  const header = ['Actor', 'Capability', ...s.dimensions.flatMap((d) => [`${d.id} pos`, 'sal'])];
  const rows = s.actors.map((a) => [a.name, fmt(a.capability.value), ...s.dimensions.flatMap((d) => [fmt(a.position[d.id].value), fmt(a.salience[d.id].value)])]);
  out += textTable(header, rows, header.map((_, c) => c > 0));
  for (const [k, d] of s.dimensions.entries()) {
    out += `\n${d.title}\n  scale ${fmt(d.scale.min)} = ${d.scale.minLabel} … ${fmt(d.scale.max)} = ${d.scale.maxLabel}\n`;
    const frows = results.flatMap((r) => {
      const row = [r.engine, fmt(r.forecast.position[k]), describeValue(d, r.forecast.position[k]), stopText(r, k)];
      const note = cycleNote(r, k, (x) => fmt(x));
      // A cycling run's final median depends on where the cycle is cut: show the cycle and what its mean means.
      return note ? [row, ['', '', `${note}: mean ${describeValue(d, pointForecast(r)[k])}`, '']] : [row];
    });
    out += textTable(['Engine', 'Forecast', 'Meaning', 'Stop'], frows, [false, true, false, false])
      .split('\n')
      .map((l) => (l ? '  ' + l : l))
      .join('\n');
  }
  if (opts.explain) {
    for (const r of results) {
      const withEvents = r.rounds.some((x) => Array.isArray(x.events) && x.events.length > 0);
      if (!withEvents) continue;
      out += `\nWhat happened (${r.engine})\n`;
      r.rounds.forEach((round, t) => {
        const events = (round.events as { text?: string }[] | undefined) ?? [];
        if (t === 0 && events.length === 0) return;
        out += `  Round ${t}:${events.length ? '' : ' no moves'}\n`;
        for (const e of events) out += `    ${e.text ?? JSON.stringify(e)}\n`;
      });
    }
  }
  for (const r of results) for (const w of r.warnings ?? []) out += `\nnote (${r.engine}): ${w}\n`;
  return out;
}
