import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenarioText } from './load.js';
import { formatIssue } from './issues.js';

const dir = mkdtempSync(join(tmpdir(), 'fulcrum-load-'));
const write = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

/** A minimal valid native scenario; `patch` edits the YAML text. */
const GOOD = `name: demo
title: Demo
sources:
  - { id: src, title: A source }
dimensions:
  - id: tax
    title: Tax rate
    scale: { min: 0, max: 100, low: no tax, high: all income }
actors:
  - id: a
    name: Alpha
    capability: 10
    position: { tax: 20 }
    salience: { tax: 0.5 }
  - id: b
    name: Beta
    capability: { value: 5, low: 4, high: 6 }
    position: { tax: { value: 80, sd: 5, evidence: [{ source: src, quote: some words }] } }
    salience: { tax: 1 }
`;

function issuesOf(name: string, text: string | Buffer) {
  const r = loadScenario(write(name, text));
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues;
}

describe('loadScenario', () => {
  it('loads a valid native scenario with uncertainty and evidence', () => {
    const r = loadScenario(write('good.yaml', GOOD));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.actors.map((a) => a.id)).toEqual(['a', 'b']);
    expect(r.value.actors[1].position.tax).toMatchObject({ value: 80, sd: 5 });
    expect(r.value.actors[1].capability).toMatchObject({ value: 5, low: 4, high: 6 });
    expect(r.value.dimensions[0].scale.points.map((p) => p.label)).toEqual(['no tax', 'all income']);
  });

  it('loads the same scenario as JSON', () => {
    const yaml = loadScenario(write('g.yaml', GOOD));
    const json = loadScenario(write('g.json', JSON.stringify({ name: 'demo', title: 'Demo', dimensions: [{ id: 'tax', title: 'Tax rate', scale: { min: 0, max: 100, low: 'no tax', high: 'all income' } }], actors: [{ id: 'a', name: 'Alpha', capability: 10, position: { tax: 20 }, salience: { tax: 0.5 } }, { id: 'b', name: 'Beta', capability: 5, position: { tax: 80 }, salience: { tax: 1 } }] })));
    expect(json.ok && yaml.ok).toBe(true);
    if (json.ok && yaml.ok) expect(json.value.actors[0]).toEqual(yaml.value.actors[0]);
  });

  const cases: [string, string, string | Buffer, RegExp, number?][] = [
    ['empty file', 'empty.yaml', '', /empty/],
    ['whitespace only', 'blank.yaml', '  \n\n', /empty/],
    ['binary garbage', 'bin.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x01]), /not a text file/],
    ['YAML syntax error', 'syntax.yaml', 'name: [unclosed\ntitle: x\n', /syntax error/],
    ['a list, not a mapping', 'list.yaml', '- 1\n- 2\n', /must be a mapping/],
    ['wrong type', 'type.yaml', GOOD.replace('capability: 10', 'capability: lots'), /capability/, 12],
    ['missing required field', 'missing.yaml', GOOD.replace('    name: Alpha\n', ''), /actors\[0\]\.name: required field is missing/],
    ['zero capability', 'zero.yaml', GOOD.replace('capability: 10', 'capability: 0'), /capability 0 must be above 0/, 12],
    ['negative capability', 'neg.yaml', GOOD.replace('capability: 10', 'capability: -3'), /capability -3 must be above 0/, 12],
    ['overflowing capability', 'huge.yaml', GOOD.replace('capability: 10', 'capability: 1e308'), /capability 1e\+308 must be above 0 and at most 1000000000000/, 12],
    ['overflowing scale', 'hugescale.yaml', GOOD.replace('min: 0, max: 100', 'min: -1e308, max: 1e308'), /scale ends must lie within/],
    ['salience above 1', 'sal.yaml', GOOD.replace('salience: { tax: 0.5 }', 'salience: { tax: 1.5 }'), /salience 1.5 is outside \[0, 1\]/, 14],
    ['salience below 0', 'sal0.yaml', GOOD.replace('salience: { tax: 0.5 }', 'salience: { tax: -0.1 }'), /salience -0.1 is outside/, 14],
    ['NaN', 'nan.yaml', GOOD.replace('capability: 10', 'capability: .nan'), /finite/, 12],
    ['Infinity', 'inf.yaml', GOOD.replace('position: { tax: 20 }', 'position: { tax: .inf }'), /finite|outside/, 13],
    ['position outside its scale', 'pos.yaml', GOOD.replace('position: { tax: 20 }', 'position: { tax: 120 }'), /position 120 is outside \[0, 100\]/, 13],
    ['unknown dimension id', 'dim.yaml', GOOD.replace('position: { tax: 20 }', 'position: { tax: 20, vat: 3 }'), /unknown dimension id "vat"/, 13],
    ['duplicate actor ids', 'dup.yaml', GOOD.replace('id: b', 'id: a'), /duplicate actor id "a"/, 15],
    ['fewer than two actors', 'one.yaml', GOOD.slice(0, GOOD.indexOf('  - id: b')), /at least two actors/],
    ['evidence naming an unknown source', 'src.yaml', GOOD.replace('source: src', 'source: nowhere'), /unknown source "nowhere"/, 18],
    ['unknown field (typo)', 'typo.yaml', GOOD.replace('capability: 10', 'capabilty: 10'), /unknown field "capabilty"/, 12],
    ['duplicate key', 'dupkey.yaml', GOOD.replace('title: Demo', 'title: Demo\ntitle: Again'), /syntax error/, 3],
    ['scale with min above max', 'scale.yaml', GOOD.replace('min: 0, max: 100', 'min: 100, max: 0'), /scale min 100 must be below max 0/],
    ['low above value', 'low.yaml', GOOD.replace('low: 4, high: 6', 'low: 7, high: 8'), /low 7 is above the value 5/],
  ];
  for (const [what, name, text, re, line] of cases) {
    it(`rejects ${what} with a clear message naming the file${line ? ' and line' : ''}`, () => {
      const issues = issuesOf(name, text);
      const msg = issues.map(formatIssue).join('\n');
      expect(msg).toMatch(re);
      expect(issues[0].file).toContain(name);
      if (line) expect(issues.some((i) => i.line === line)).toBe(true);
    });
  }

  it('reports a file that does not exist', () => {
    const r = loadScenario(join(dir, 'nope.yaml'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatIssue(r.issues[0])).toMatch(/nope\.yaml: cannot read scenario: no such file/);
  });

  it('refuses a device instead of reading it forever', () => {
    const r = loadScenario('/dev/zero');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toMatch(/not a regular file/);
  });

  it('reports an unknown built-in', () => {
    const r = loadScenario('builtin:nope');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toMatch(/no built-in scenario "nope"; built-ins: .*iraq-2024/);
  });

  it('reports every problem, not just the first', () => {
    const bad = GOOD.replace('capability: 10', 'capability: -1').replace('salience: { tax: 1 }', 'salience: { tax: 2 }');
    expect(issuesOf('two.yaml', bad)).toHaveLength(2);
  });
});

describe('actor CSV', () => {
  it('loads actor,capability,position,salience with comments, 0-100 saliences rescaled', () => {
    const r = parseScenarioText('# source: test\nactor,capability,position,salience,extra\nA,1,0,50,x\nB,2,10,100,y\n', 'two.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.actors.map((a) => a.salience.position.value)).toEqual([0.5, 1]);
    expect(r.value.dimensions[0].scale).toMatchObject({ min: 0, max: 10 });
    expect(r.value.description).toBe('source: test');
    expect(r.warnings[0].message).toMatch(/rescaled/);
  });
  it('refuses saliences that mix the 0–1 and 0–100 scales, naming the row', () => {
    const r = parseScenarioText('actor,capability,position,salience\nA,10,50,0.5\nB,20,40,95\nC,5,30,90\n', 'mix.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatIssue(r.issues[0])).toMatch(/^mix\.csv:2: salience: saliences mix scales: 0\.5 here reads as 0–1, but B has 95/);
  });
  it('gives file:line for a bad cell', () => {
    const r = parseScenarioText('actor,capability,position,salience\nA,1,0,0.5\nB,x,10,1\n', 'bad.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatIssue(r.issues[0])).toBe('bad.csv:3: capability: "x" is not a finite number');
  });
  it('rejects zero capability and duplicate actors', () => {
    const r = parseScenarioText('actor,capability,position,salience\nA,0,0,0.5\nA,1,10,1\n', 'z.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.message)).toEqual(['capability 0 must be above 0 and at most 1000000000000', 'duplicate actor "A"']);
  });
});

describe('CSV detection', () => {
  it('names both CSV formats when a CSV is neither', () => {
    for (const text of ['foo,bar,baz\n1,2,3\n', '# only a comment\n']) {
      const r = parseScenarioText(text, 'odd.csv');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.issues).toHaveLength(1);
        expect(formatIssue(r.issues[0])).toMatch(/^odd\.csv:1: not a CSV scenario Fulcrum knows: a plain actor CSV needs the header actor,capability,position,salience; a KTAB SMP CSV/);
      }
    }
  });
  it('still reads a KTAB CSV whose name and description are quoted with commas', () => {
    const r = parseScenarioText('"My, demo","three, actors",3,1,\nActor,Description,Power,Tax,TaxSal,\nA,a,10,20,50,\nB,b,20,80,50,\nC,c,30,50,50,\n', 'q.csv');
    expect(r.ok).toBe(true);
  });
});

describe('shocks and dates are checked at load', () => {
  const withShock = (change: string, extra = '') =>
    GOOD + `shocks:\n  - id: s1\n    title: A shock\n${extra}    changes:\n      - ${change}\n`;
  const cases: [string, string, RegExp][] = [
    ['a set capability of -10', withShock('{ actor: a, field: capability, value: -10 }'), /capability -10 must be above 0/],
    ['a set salience of 2', withShock('{ actor: a, field: salience.tax, value: 2 }'), /salience 2 is outside \[0, 1\]/],
    ['an amount beyond 1e12', withShock('{ actor: a, field: capability, by: 1e308 }'), /beyond ±1000000000000/],
    ['a shock removing all but one actor', withShock('{ remove: b }'), /would leave fewer than two actors \(1\)/],
    ['a free-text shock date', withShock('{ actor: a, field: capability, by: 1 }', '    date: sometime\n'), /must be an ISO date/],
  ];
  for (const [what, text, re] of cases) {
    it(`rejects ${what}`, () => {
      const r = parseScenarioText(text, 'shock.yaml');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map(formatIssue).join('\n')).toMatch(re);
    });
  }
  it('rejects a free-text scenario date', () => {
    const r = parseScenarioText(GOOD.replace('title: Demo', 'title: Demo\ndate: yesterday'), 'd.yaml');
    expect(r.ok).toBe(false);
  });
});
