/**
 * The analyst's brief: one self-contained HTML file (inline CSS and server-rendered SVG charts, no scripts,
 * no external requests) with the forecasts in the scale's words, the uncertainty band, key actors, shocks and
 * the assumptions table with a citation for every number.
 */
import { cycleNote } from '../engines/pointForecast.js';
import type { Evidence, UncertainNumber } from '../scenario/types.js';
import { describeValue, fmt } from '../scenario/describeValue.js';
import { effectivePowerChart, forecastsChart, monteCarloChart, replayChart, signed, tornadoChart, trajectoryChart, whatIfChart } from './charts.js';
import { renderSvg } from './svg.js';
import type { BriefData } from './brief.js';

/** Escapes text for HTML element content and attribute values. */
export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
:root{--ink:#1d1d1f;--muted:#5b5b60;--line:#d9d9de;--accent:#0072B2;--warn:#D55E00}
*{box-sizing:border-box}body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);max-width:980px;margin:32px auto;padding:0 20px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:36px 0 8px;border-bottom:2px solid var(--ink);padding-bottom:4px}h3{font-size:15px;margin:22px 0 6px}
.meta{color:var(--muted);margin:0 0 16px}.lead{font-size:15px}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:13px}th,td{border-bottom:1px solid var(--line);padding:5px 6px;text-align:left;vertical-align:top}
th{background:#f4f4f6;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.unc{color:var(--muted);font-size:11px}sup a{color:var(--accent);text-decoration:none;font-size:10px}
figure{margin:12px 0 20px;page-break-inside:avoid}figure svg{max-width:100%;height:auto}
.cite{font-size:12px}.cite li{margin:0 0 6px}.quote{font-style:italic}.conf{color:var(--muted)}
.warn{color:var(--warn)}.small{font-size:12px;color:var(--muted)}
@media print{body{margin:0}h2{page-break-after:avoid}}
`;

/** Collects evidence items into numbered citations; `cite` returns the superscript links for a number. */
function citations() {
  const list: { id: number; ev: Evidence; about: string }[] = [];
  const cite = (u: UncertainNumber, about: string): string => {
    if (!u.evidence.length) return '';
    const ids = u.evidence.map((ev) => {
      const id = list.length + 1;
      list.push({ id, ev, about });
      return id;
    });
    return `<sup>${ids.map((i) => `<a href="#c${i}">[${i}]</a>`).join('')}</sup>`;
  };
  return { list, cite };
}

/** A number with its uncertainty, e.g. `60 <span>45–75</span>`. */
function numCell(u: UncertainNumber): string {
  const unc = u.low !== undefined || u.high !== undefined ? `${fmt(u.low ?? u.value)}–${fmt(u.high ?? u.value)}` : u.sd !== undefined ? `± ${fmt(u.sd)} sd` : '';
  return `${esc(fmt(u.value))}${unc ? ` <span class="unc">${esc(unc)}</span>` : ''}`;
}

const figure = (svg: string) => `<figure>${svg}</figure>`;

/** Renders the brief as one HTML document. */
export function renderBrief(d: BriefData): string {
  const s = d.scenario;
  const { list, cite } = citations();
  const sourceTitle = new Map(s.sources.map((x) => [x.id, x]));
  const out: string[] = [];
  out.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`);
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  out.push(`<title>${esc(s.title)} — Fulcrum brief</title><style>${CSS}</style></head><body>`);
  out.push(`<h1>${esc(s.title)}</h1>`);
  out.push(`<p class="meta">${s.date ? `Picture as of ${esc(s.date)} · ` : ''}Fulcrum brief generated ${esc(d.generated)} · engines: ${esc(d.engines.map((e) => e.name).join(', '))}</p>`);
  if (s.description) out.push(`<p class="lead">${esc(s.description)}</p>`);

  // Bottom line.
  out.push(`<h2>Where it settles</h2>`);
  s.dimensions.forEach((dim, k) => {
    out.push(`<h3>${esc(dim.title)}</h3><p class="small">Scale ${esc(fmt(dim.scale.min))} = ${esc(dim.scale.minLabel)} … ${esc(fmt(dim.scale.max))} = ${esc(dim.scale.maxLabel)}</p>`);
    out.push(`<table><thead><tr><th>Engine</th><th>Forecast</th><th>Meaning</th><th>Rounds</th></tr></thead><tbody>`);
    for (const r of d.runs)
      out.push(`<tr><td>${esc(r.engine)}</td><td class="num">${esc(fmt(r.forecast.position[k]))}</td><td>${esc(describeValue(dim, r.forecast.position[k]))}${cycleNote(r, k, (x) => fmt(x)) ? esc(`; the run ${cycleNote(r, k, (x) => fmt(x))}`) : ''}</td><td class="num">${esc(r.stop.rounds)}</td></tr>`);
    out.push(`</tbody></table>`);
    const mc = d.monteCarlo?.dimensions[k];
    if (mc && d.monteCarlo) {
      const p = mc.percentiles;
      out.push(
        `<p><b>Uncertainty band</b> (${esc(d.monteCarlo.engine)}, ${esc(d.monteCarlo.completed)} Monte Carlo runs, seed ${esc(d.monteCarlo.seed)}): median ${esc(fmt(p.p50, 1))} (${esc(describeValue(dim, p.p50))}); half the runs between ${esc(fmt(p.p25, 1))} and ${esc(fmt(p.p75, 1))}; 90% between ${esc(fmt(p.p5, 1))} and ${esc(fmt(p.p95, 1))}.</p>`,
      );
      if (mc.bands.length) {
        out.push(`<table><thead><tr><th>Outcome band</th><th>Probability</th></tr></thead><tbody>`);
        for (const b of mc.bands) out.push(`<tr><td>${esc(b.label)}</td><td class="num">${esc(fmt(b.probability * 100, 1))}%</td></tr>`);
        out.push(`</tbody></table>`);
      }
    }
    out.push(figure(renderSvg(forecastsChart(s, d.runs, k))));
    if (mc && d.monteCarlo) out.push(figure(renderSvg(monteCarloChart(s, mc, k, { engine: d.monteCarlo.engine, runs: d.monteCarlo.completed }))));
  });

  // Key actors.
  if (d.keyActors) {
    const ka = d.keyActors;
    out.push(`<h2>Who moves the outcome</h2>`);
    out.push(`<p>Key actors by ${esc(d.analysisEngine)}: the forecast without each actor, and with its position moved by ${esc(fmt(ka.shift * 100))}% of the scale down or up. Ranked by influence (the largest change it causes, as a share of the scale).</p>`);
    out.push(`<table><thead><tr><th>#</th><th>Actor</th><th>Influence</th>${s.dimensions.map((x) => `<th>Without it: ${esc(x.title)}</th>`).join('')}</tr></thead><tbody>`);
    ka.actors.forEach((a, i) =>
      out.push(`<tr><td class="num">${i + 1}</td><td>${esc(a.name)}</td><td class="num">${esc(fmt(a.influence * 100, 1))}%</td>${s.dimensions.map((_, k) => (a.without ? `<td class="num">${esc(fmt(a.without[k]))} (${esc(signed(a.without[k] - ka.base[k]))})</td>` : '<td>—</td>')).join('')}</tr>`),
    );
    out.push(`</tbody></table>`);
    s.dimensions.forEach((dim, k) => {
      out.push(
        figure(
          renderSvg(
            tornadoChart(s, k, {
              title: `${dim.title}: key actors (${d.analysisEngine})`,
              subtitle: `forecast with each actor's position moved ∓${fmt(ka.shift * 100)}% of the scale, and without the actor`,
              base: ka.base[k],
              rows: ka.actors.map((a) => ({ label: a.name, low: a.down[k], high: a.up[k], extra: a.without?.[k] })),
              lowName: 'position moved down',
              highName: 'position moved up',
              extraName: 'without the actor',
            }),
          ),
        ),
      );
    });
  }

  // Sensitivity.
  if (d.sensitivity) {
    const se = d.sensitivity;
    out.push(`<h2>Which assumptions matter</h2>`);
    out.push(`<p>One at a time, each uncertain number set to the low and the high end of its range (${esc(d.analysisEngine)}); the ten largest effects.</p>`);
    const top = se.items.slice(0, 10);
    const label = (it: BriefSensitivity['items'][number]) => `${it.name}: ${it.field}${it.dimension ? '.' + it.dimension : ''}`;
    out.push(`<table><thead><tr><th>Assumption</th><th>Range</th>${s.dimensions.map((x) => `<th>Forecast: ${esc(x.title)}</th>`).join('')}<th>Effect</th></tr></thead><tbody>`);
    for (const it of top)
      out.push(
        `<tr><td>${esc(label(it))}</td><td class="num">${esc(fmt(it.low))}–${esc(fmt(it.high))}</td>${s.dimensions.map((_, k) => `<td class="num">${esc(fmt(it.forecastLow[k]))} … ${esc(fmt(it.forecastHigh[k]))}</td>`).join('')}<td class="num">${esc(fmt(it.effect * 100, 1))}%</td></tr>`,
      );
    out.push(`</tbody></table>`);
    s.dimensions.forEach((dim, k) => {
      out.push(
        figure(
          renderSvg(
            tornadoChart(s, k, {
              title: `${dim.title}: sensitivity (${d.analysisEngine})`,
              base: se.base[k],
              rows: top.map((it) => ({ label: label(it), low: it.forecastLow[k], high: it.forecastHigh[k] })),
              lowName: 'at the low end',
              highName: 'at the high end',
            }),
          ),
        ),
      );
    });
  }

  // Shocks.
  if (d.shocks.length) {
    out.push(`<h2>What if</h2>`);
    for (const { shock, rows, warnings } of d.shocks) {
      out.push(`<h3>${esc(shock.title)}${shock.date ? ` <span class="small">(${esc(shock.date)})</span>` : ''}</h3>`);
      if (shock.description) out.push(`<p>${esc(shock.description)}</p>`);
      for (const ev of shock.evidence) out.push(`<p class="small">${evidenceText(ev, sourceTitle)}</p>`);
      if (rows.length) {
        out.push(`<table><thead><tr><th>Engine</th>${s.dimensions.map((x) => `<th>${esc(x.title)}: base → shocked</th>`).join('')}</tr></thead><tbody>`);
        for (const r of rows)
          out.push(`<tr><td>${esc(r.engine)}</td>${s.dimensions.map((_, k) => `<td class="num">${esc(fmt(r.base[k]))} → ${esc(fmt(r.shocked[k]))} (${esc(signed(r.diff[k]))})</td>`).join('')}</tr>`);
        out.push(`</tbody></table>`);
        s.dimensions.forEach((_, k) => out.push(figure(renderSvg(whatIfChart(s, rows, k, { label: shock.title })))));
      }
      for (const w of warnings) out.push(`<p class="warn small">${esc(w)}</p>`);
    }
  }

  // The shocks one after another.
  if (d.sequence && d.sequence.length > 1) {
    const seq = d.sequence;
    const engines = seq[0].forecasts.map((f) => f.engine);
    out.push(`<h2>The shocks in sequence</h2>`);
    out.push(
      `<p>The shocks above applied one after another in date order${seq.some((st) => st.shock && !st.shock.date) ? ' (undated ones last)' : ''}, each on top of the ones before: every engine's forecast at the base case and after each shock, with the change from the base case.</p>`,
    );
    s.dimensions.forEach((dim, k) => {
      out.push(`<h3>${esc(dim.title)}</h3>`);
      out.push(`<table><thead><tr><th>Date</th><th>After</th>${engines.map((e) => `<th>${esc(e)}</th>`).join('')}</tr></thead><tbody>`);
      for (const st of seq) {
        const cells = engines.map((e, j) => {
          const x = st.forecasts[j]?.position[k];
          const base = seq[0].forecasts[j]?.position[k];
          return `<td class="num">${esc(fmt(x))}${st.shock ? ` <span class="unc">(${esc(signed(x - base))})</span>` : ''}</td>`;
        });
        out.push(`<tr><td>${esc(st.shock?.date ?? '')}</td><td>${st.shock ? esc(st.shock.title) : '<i>base case</i>'}</td>${cells.join('')}</tr>`);
      }
      out.push(`</tbody></table>`);
      out.push(figure(renderSvg(replayChart(s, seq, k))));
    });
  }

  // Dynamics and the weight of the contest.
  out.push(`<h2>How the bargaining moves</h2>`);
  s.dimensions.forEach((_, k) => {
    out.push(figure(renderSvg(effectivePowerChart(s, k))));
    for (const r of d.runs) if (r.rounds.length > 1) out.push(figure(renderSvg(trajectoryChart(s, r, k))));
  });

  // Assumptions with citations.
  out.push(`<h2>Assumptions</h2>`);
  out.push(`<p class="small">Capability on one scale shared by all actors; salience 0–1; positions on each issue's scale. Grey ranges are the uncertainty Monte Carlo samples from. Bracketed numbers cite the evidence below.</p>`);
  out.push(`<table><thead><tr><th>Actor</th><th>Capability</th>${s.dimensions.map((x) => `<th>Position: ${esc(x.title)}</th><th>Salience</th>`).join('')}</tr></thead><tbody>`);
  for (const a of s.actors) {
    out.push(`<tr><td><b>${esc(a.name)}</b>${a.description ? `<br><span class="small">${esc(a.description)}</span>` : ''}</td>`);
    out.push(`<td class="num">${numCell(a.capability)}${cite(a.capability, `${a.name}: capability`)}</td>`);
    for (const dim of s.dimensions) {
      out.push(`<td class="num">${numCell(a.position[dim.id])}${cite(a.position[dim.id], `${a.name}: position on ${dim.title}`)}</td>`);
      out.push(`<td class="num">${numCell(a.salience[dim.id])}${cite(a.salience[dim.id], `${a.name}: salience of ${dim.title}`)}</td>`);
    }
    out.push(`</tr>`);
  }
  out.push(`</tbody></table>`);
  if (list.length) {
    out.push(`<h3>Evidence</h3><ol class="cite">`);
    for (const c of list) out.push(`<li id="c${c.id}"><b>${esc(c.about)}.</b> ${evidenceText(c.ev, sourceTitle)}</li>`);
    out.push(`</ol>`);
  }
  if (s.sources.length) {
    out.push(`<h3>Sources</h3><ul class="cite">`);
    for (const src of s.sources)
      out.push(`<li>${esc(src.title)}${src.author ? `, ${esc(src.author)}` : ''}${src.publisher ? `, ${esc(src.publisher)}` : ''}${src.date ? ` (${esc(src.date)})` : ''}${src.url ? `. ${esc(src.url)}` : ''}</li>`);
    out.push(`</ul>`);
  }

  out.push(`<h2>Method</h2><ul class="small">`);
  for (const e of d.engines) {
    const r = d.runs.find((x) => x.engine === e.name);
    const opts = r ? Object.entries(r.options).map(([k, v]) => `${k}=${v === null ? 'none' : v}`).join(', ') : '';
    const stop = !r ? '' : r.stop.reason === 'closed-form' ? 'closed form' : `${r.stop.reason === 'mixed' ? 'issues stopped differently' : r.stop.reason} after ${r.stop.rounds} round${r.stop.rounds === 1 ? '' : 's'}`;
    out.push(`<li><b>${esc(e.name)}</b> — ${esc(e.description.replace(/\.$/, ''))}${opts ? ` <span class="unc">(${esc(opts)})</span>` : ''}${stop ? `; ${esc(stop)}` : ''}.</li>`);
  }
  out.push(`</ul>`);
  if (d.warnings.length) out.push(`<p class="warn small">${d.warnings.map(esc).join('<br>')}</p>`);
  out.push(`<p class="small">Made with Fulcrum. Every number above comes from the scenario "${esc(s.name)}" and the runs listed; the file needs no network.</p>`);
  out.push(`</body></html>\n`);
  return out.join('\n');
}

type BriefSensitivity = NonNullable<BriefData['sensitivity']>;

function evidenceText(ev: Evidence, sources: Map<string, { title: string }>): string {
  const parts: string[] = [];
  if (ev.quote) parts.push(`<span class="quote">“${esc(ev.quote)}”</span>${ev.source ? ` — ${esc(sources.get(ev.source)?.title ?? ev.source)}` : ''}.`);
  if (ev.judgement) parts.push(`Analyst judgement: ${esc(ev.judgement)}`);
  if (ev.supports) parts.push(`Supports: ${esc(ev.supports)}`);
  if (ev.confidence) parts.push(`<span class="conf">(confidence ${esc(ev.confidence)})</span>`);
  return parts.join(' ');
}
