import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../scenario/load.js';
import { buildBrief } from './brief.js';
import { esc, renderBrief } from './html.js';

// Golden-file test of the brief, normalised as Observable Plot's snapshot tests do (test/plot-snapshot.js):
// decimals rounded so that float noise across platforms does not matter, and ECharts' generated ids
// (zrN-cM, counted per process) replaced. Regenerate with UPDATE_GOLDEN=1 after an intended change.
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));

/** Rounds decimals to 1 place and renumbers generated ids. */
export function normalise(html: string): string {
  const ids = new Map<string, string>();
  return html
    .replace(/zr\d+-c\d+/g, (id) => {
      if (!ids.has(id)) ids.set(id, `id${ids.size}`);
      return ids.get(id)!;
    })
    .replace(/-?\d+\.\d+/g, (x) => {
      const r = (+x).toFixed(1);
      return r === '-0.0' ? '0.0' : r;
    });
}

async function fixtureBrief(): Promise<string> {
  const s = loadScenario(here('./__golden__/contest.yaml'));
  if (!s.ok) throw new Error(s.issues.map((i) => i.message).join('\n'));
  const d = await buildBrief(s.value, { engine: 'compromise,median', analysisEngine: 'compromise', runs: 200, seed: 1, generated: '2024-09-01' });
  if (!d.ok) throw new Error(d.issues.map((i) => i.message).join('\n'));
  return renderBrief(d.value);
}

describe('the brief', () => {
  test('matches the golden file (normalised)', async () => {
    const html = normalise(await fixtureBrief());
    const golden = here('./__golden__/contest-brief.html');
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) writeFileSync(golden, html);
    expect(html).toBe(readFileSync(golden, 'utf8'));
  });

  test('is self-contained: no scripts, no external resources, a CSP that forbids them', async () => {
    const html = await fixtureBrief();
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|url\(http|@import/i);
    expect(html).toContain(`default-src 'none'`);
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(6);
  });

  test('has the forecasts in words, the band, key actors, shocks and cited assumptions', async () => {
    const html = await fixtureBrief();
    expect(html).toMatch(/Uncertainty band<\/b> \(compromise, 200 Monte Carlo runs, seed 1\)/);
    expect(html).toContain('Who moves the outcome');
    expect(html).toContain('A recession');
    expect(html).toContain('Analyst judgement: campaigns on higher taxes for the rich');
    // Text from the scenario is escaped, and each cited number links to its evidence.
    expect(html).toContain('the government holds the purse &lt;and&gt; the pen');
    expect(html).toMatch(/<a href="#c1">\[1\]<\/a>/);
    expect(html).toContain('<li id="c1">');
  });

  test('replays the shocks in date order, each on top of the ones before', async () => {
    const html = await fixtureBrief();
    const at = html.indexOf('<h2>The shocks in sequence</h2>');
    expect(at).toBeGreaterThan(html.indexOf('<h2>What if</h2>'));
    const section = html.slice(at, html.indexOf('<h2>How the bargaining moves</h2>'));
    // The strike (2024-03) is listed after the recession (2024-06) in the file, but replayed first.
    expect(section.indexOf('A general strike')).toBeGreaterThan(0);
    expect(section.indexOf('A general strike')).toBeLessThan(section.indexOf('A recession'));
    expect(section).toMatch(/<td><i>base case<\/i><\/td>/);
    expect(section).toContain('Tax rate: the shocks replayed in date order');
    expect(section.match(/<tr><td>2024-0[36]<\/td>/g)).toHaveLength(2);
  });

  test('esc escapes markup and quotes', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
