// The pure editing functions of the workbench (web/src/doc.ts): each returns a new document and leaves its input
// alone; the documents they make pass the command line's schema (parseNative, as `fulcrum run FILE` loads YAML).
import { describe, expect, test } from 'vitest';
import { parseNative } from '../../src/scenario/formats/yaml.js';
import * as d from './doc.js';

const fixture = (): d.NativeDoc => ({
  name: 'tiny',
  title: 'A tiny contest',
  sources: [{ id: 'src', title: 'A source' }],
  dimensions: [
    { id: 'tax', title: 'Tax', scale: { min: 0, max: 10, low: 'none', high: 'all', points: [{ value: 5, label: 'half' }], bands: [{ id: 'mid', label: 'middle', from: 4, to: 6 }] } },
    { id: 'war', title: 'War', scale: { min: 0, max: 100, low: 'peace', high: 'war' } },
  ],
  actors: [
    { id: 'a', name: 'Alpha', capability: { value: 2, evidence: [{ source: 'src', quote: 'alpha is strong' }] }, position: { tax: 2, war: 10 }, salience: { tax: 0.5, war: 0.4 } },
    { id: 'b', name: 'Beta', capability: 1, position: { tax: 8, war: 90 }, salience: { tax: { value: 0.5, evidence: [{ source: 'src', quote: 'beta cares' }] }, war: 0.6 } },
    { id: 'c', name: 'Gamma', capability: 1, position: { tax: 5, war: 50 }, salience: { tax: 0.5, war: 0.5 } },
  ],
  shocks: [
    { id: 'one', title: 'One', date: '2024-09', evidence: [{ source: 'src', quote: 'one happens' }], changes: [{ actor: 'a', field: 'position.tax', by: 1 }, { remove: 'c' }] },
    { id: 'two', title: 'Two', changes: [{ actor: 'b', field: 'salience.war', value: 0.9 }] },
  ],
});

/** Loads the document as `fulcrum run FILE` would load its YAML; the issues' messages when it fails. */
function load(doc: d.NativeDoc): string[] {
  const r = parseNative(d.toYaml(doc), 'x.yaml', 'yaml');
  return r.ok ? [] : r.issues.map((i) => `${i.path ?? ''}: ${i.message}`);
}

describe('the fixture', () => {
  test('is valid', () => expect(load(fixture())).toEqual([]));
});

describe('shocks', () => {
  test('addShock appends a valid shock with a fresh id and a change that does nothing; removeShock takes it away', () => {
    const doc = fixture();
    const next = d.addShock(doc);
    expect(doc.shocks).toHaveLength(2);
    expect(next.shocks[2]).toEqual({ id: 'shock-3', title: 'New shock 3', changes: [{ actor: 'a', field: 'capability', times: 1 }] });
    expect(load(next)).toEqual([]);
    expect(d.removeShock(next, 2)).toEqual(doc);
    const none = d.removeShock(d.removeShock(doc, 0), 0);
    expect('shocks' in none).toBe(false);
    expect(d.addShock(none).shocks).toHaveLength(1);
  });

  test('setShockText sets id, title, date, description in the native key order; empty date or description goes', () => {
    let doc = d.setShockText(fixture(), 1, 'description', 'Beta wants war');
    doc = d.setShockText(doc, 1, 'date', '2024-10');
    expect(Object.keys(doc.shocks[1])).toEqual(['id', 'title', 'description', 'date', 'changes']);
    expect(d.setShockText(doc, 1, 'date', ' ').shocks[1].date).toBeUndefined();
    expect(d.setShockText(doc, 1, 'title', '').shocks[1].title).toBe('');
    expect(load(d.setShockText(doc, 1, 'id', 'bad id'))).toEqual(['shocks[1].id: must be an id of letters, digits, "_", "-" or "." (no spaces)']);
  });

  test('changeForm and formChange read and write each kind of change', () => {
    expect(d.changeForm({ actor: 'a', field: 'position.tax', by: 1 })).toEqual({ kind: 'field', actor: 'a', field: 'position.tax', op: 'by', amount: '1' });
    expect(d.changeForm({ remove: 'c' })).toEqual({ kind: 'remove', actor: 'c' });
    expect(d.changeForm({ add: { id: 'x' } })).toEqual({ kind: 'other' });
    expect(d.formChange({ kind: 'field', actor: 'b', field: 'capability', op: 'times', amount: '0.5' })).toEqual({ actor: 'b', field: 'capability', times: 0.5 });
    expect(d.formChange({ kind: 'field', actor: 'b', field: 'capability', op: 'value', amount: 'x' })).toEqual({ actor: 'b', field: 'capability', value: 'x' });
    expect(d.formChange({ kind: 'remove', actor: 'b' })).toEqual({ remove: 'b' });
    const add = { add: { id: 'x' } };
    expect(d.formChange({ kind: 'other' }, add)).toBe(add);
  });

  test('setChange, addChange and removeChange edit a shock’s changes; the validator reports what is wrong in place', () => {
    const doc = fixture();
    const set = d.setChange(doc, 1, 0, { kind: 'field', actor: 'b', field: 'salience.war', op: 'value', amount: '1.5' });
    expect(set.shocks[1].changes[0]).toEqual({ actor: 'b', field: 'salience.war', value: 1.5 });
    expect(doc.shocks[1].changes[0].value).toBe(0.9);
    expect(load(d.setChange(doc, 1, 0, { kind: 'field', actor: 'zz', field: 'salience.war', op: 'by', amount: '0.1' }))).toEqual(['shocks[1].changes[0].actor: unknown actor "zz"']);
    expect(load(d.setChange(doc, 1, 0, { kind: 'field', actor: 'b', field: 'salience.peace', op: 'by', amount: '0.1' }))[0]).toMatch(/^shocks\[1\]\.changes\[0\]\.field: unknown dimension "peace"/);
    expect(load(d.setChange(doc, 1, 0, { kind: 'field', actor: 'b', field: 'capability', op: 'by', amount: 'lots' }))[0]).toMatch(/^shocks\[1\]\.changes\[0\]/);
    expect(d.setChange(doc, 1, 5, { kind: 'remove', actor: 'b' })).toBe(doc);
    const added = d.addChange(doc, 1);
    expect(added.shocks[1].changes[1]).toEqual({ actor: 'a', field: 'capability', times: 1 });
    expect(load(added)).toEqual([]);
    expect(d.removeChange(added, 1, 1)).toEqual(doc);
    expect(load(d.removeChange(doc, 1, 0))[0]).toMatch(/^shocks\[1\]\.changes/);
  });

  test('a shock’s evidence is added, edited and removed; an empty list goes', () => {
    const doc = fixture();
    const list = d.evidenceAdd(doc.shocks[1].evidence, 'judgement');
    let next = d.setShockEvidence(doc, 1, list);
    expect(Object.keys(next.shocks[1])).toEqual(['id', 'title', 'evidence', 'changes']);
    expect(load(next)).toHaveLength(1);
    expect(load(next)[0]).toMatch(/^shocks\[1\]\.evidence\[0\]\.judgement: /);
    next = d.setShockEvidence(next, 1, d.evidenceSet(next.shocks[1].evidence, 0, 'judgement', 'war is likely'));
    next = d.setShockEvidence(next, 1, d.evidenceSet(next.shocks[1].evidence, 0, 'confidence', 'low'));
    expect(next.shocks[1].evidence).toEqual([{ judgement: 'war is likely', confidence: 'low' }]);
    expect(load(next)).toEqual([]);
    expect(d.evidenceSet(next.shocks[1].evidence, 0, 'confidence', '')).toEqual([{ judgement: 'war is likely' }]);
    expect(d.evidenceAdd([], 'quote', 'src')).toEqual([{ source: 'src', quote: '' }]);
    expect('evidence' in d.setShockEvidence(next, 1, d.evidenceRemove(next.shocks[1].evidence, 0)).shocks[1]).toBe(false);
  });

  test('changeFields lists capability and each dimension’s position and salience', () => {
    expect(d.changeFields(fixture())).toEqual(['capability', 'position.tax', 'position.war', 'salience.tax', 'salience.war']);
  });
});

describe('dimensions', () => {
  test('addDimension gives every actor the middle of the scale and salience 0.5, and is valid', () => {
    const next = d.addDimension(fixture());
    expect(next.dimensions[2]).toMatchObject({ id: 'issue-3', title: 'New issue 3', scale: { min: 0, max: 100 } });
    for (const a of next.actors) expect([a.position['issue-3'], a.salience['issue-3']]).toEqual([50, 0.5]);
    expect(load(next)).toEqual([]);
  });

  test('addDimension to a one-dimension scenario qualifies bare position/salience changes, and gives actors shocks add a position', () => {
    const one = d.removeDimension(fixture(), 1).doc;
    one.shocks[0].changes[0].field = 'position';
    one.shocks[0].changes.push({ add: { id: 'n', name: 'New', capability: 1, position: { tax: 1 }, salience: { tax: 1 } } });
    expect(load(one)).toEqual([]);
    const next = d.addDimension(one);
    expect(next.shocks[0].changes[0].field).toBe('position.tax');
    expect(next.shocks[0].changes[2].add.position).toEqual({ tax: 1, 'issue-2': 50 });
    expect(load(next)).toEqual([]);
  });

  test('removeDimension removes positions, saliences and the shock changes naming it (and a shock left empty)', () => {
    const r = d.removeDimension(fixture(), 1);
    expect(r.changes).toBe(1);
    expect(r.shocks).toEqual(['Two']);
    expect(r.doc.shocks.map((x: { id: string }) => x.id)).toEqual(['one']);
    expect(r.doc.actors.map((a: { position: object }) => Object.keys(a.position))).toEqual([['tax'], ['tax'], ['tax']]);
    expect(load(r.doc)).toEqual([]);
  });

  test('renameDimension carries the id to positions, saliences and shock changes; refuses a taken or bad id', () => {
    const doc = fixture();
    const r = d.renameDimension(doc, 0, 'taxes');
    expect(r.ok).toBe(true);
    expect(Object.keys(r.doc.actors[0].position)).toEqual(['taxes', 'war']);
    expect(r.doc.shocks[0].changes[0].field).toBe('position.taxes');
    expect(load(r.doc)).toEqual([]);
    expect(d.renameDimension(doc, 0, 'war')).toEqual({ doc, ok: false });
    expect(d.renameDimension(doc, 0, 'no good')).toEqual({ doc, ok: false });
    expect(d.renameDimension(doc, 0, 'tax')).toEqual({ doc, ok: true });
  });

  test('setDimText and setScale edit a dimension; a scale that strands positions is reported on them', () => {
    const doc = fixture();
    expect(Object.keys(d.setDimText(doc, 1, 'description', 'how warlike').dimensions[1])).toEqual(['id', 'title', 'description', 'scale']);
    expect('description' in d.setDimText(d.setDimText(doc, 1, 'description', 'x'), 1, 'description', '').dimensions[1]).toBe(false);
    expect(d.setScale(doc, 0, 'low', 'no tax').dimensions[0].scale.low).toBe('no tax');
    const narrow = d.setScale(doc, 1, 'max', '50');
    expect(narrow.dimensions[1].scale.max).toBe(50);
    expect(load(narrow)).toEqual(['actors[1].position.war: position 90 is outside [0, 50]']);
    expect(d.setScale(doc, 1, 'max', 'x').dimensions[1].scale.max).toBe('x');
  });

  test('points and bands are added, edited and removed', () => {
    let doc = d.addScaleItem(fixture(), 1, 'points');
    expect(doc.dimensions[1].scale.points).toEqual([{ value: 50, label: 'label' }]);
    doc = d.addScaleItem(doc, 1, 'bands');
    expect(doc.dimensions[1].scale.bands).toEqual([{ id: 'band-1', label: 'label', from: 33.33, to: 66.67 }]);
    expect(load(doc)).toEqual([]);
    doc = d.setScaleItem(doc, 1, 'points', 0, 'label', 'stand-off');
    doc = d.setScaleItem(doc, 1, 'bands', 0, 'to', '120');
    expect(doc.dimensions[1].scale.points[0].label).toBe('stand-off');
    expect(load(doc)).toEqual(['dimensions[1].scale.bands[0]: band [33.33, 120] must be a non-empty interval inside the scale']);
    doc = d.removeScaleItem(doc, 1, 'bands', 0);
    expect('bands' in doc.dimensions[1].scale).toBe(false);
    expect(d.removeScaleItem(fixture(), 0, 'points', 0).dimensions[0].scale).toEqual({ min: 0, max: 10, low: 'none', high: 'all', bands: [{ id: 'mid', label: 'middle', from: 4, to: 6 }] });
  });
});

describe('sources', () => {
  test('addSource, setSource and removeSource; quotes citing a removed source are reported where they are', () => {
    const doc = fixture();
    let next = d.addSource(doc);
    expect(next.sources[1]).toEqual({ id: 'source-2', title: 'New source 2' });
    next = d.setSource(next, 1, 'url', 'https://example.org/a');
    next = d.setSource(next, 1, 'author', 'A. Writer');
    expect(Object.keys(next.sources[1])).toEqual(['id', 'title', 'author', 'url']);
    expect('url' in d.setSource(next, 1, 'url', '').sources[1]).toBe(false);
    expect(load(next)).toEqual([]);
    expect(d.citations(doc, 'src')).toBe(3);
    const gone = d.removeSource(doc, 0);
    expect('sources' in gone).toBe(false);
    expect(load(gone)).toHaveLength(3);
    expect(load(gone)[0]).toMatch(/unknown source "src"/);
    const none = d.removeSource(d.removeSource(next, 0), 0);
    expect(d.addSource(none).sources).toEqual([{ id: 'source-1', title: 'New source 1' }]);
    expect(Object.keys(d.addSource(none)).indexOf('sources')).toBe(2);
  });

  test('renameSourceRefs carries a new source id to every quote citing it', () => {
    const doc = d.setSource(fixture(), 0, 'id', 'article');
    expect(load(doc)).toHaveLength(3);
    const r = d.renameSourceRefs(doc, 'src', 'article');
    expect(r.items).toBe(3);
    expect(load(r.doc)).toEqual([]);
    expect(d.renameSourceRefs(doc, 'nothing', 'x')).toEqual({ doc, items: 0 });
  });

  test('freeId checks the form and that no other item has the id', () => {
    const list = [{ id: 'a' }, { id: 'b' }];
    expect(d.freeId(list, 'c', 0)).toBe(true);
    expect(d.freeId(list, 'a', 0)).toBe(true);
    expect(d.freeId(list, 'b', 0)).toBe(false);
    expect(d.freeId(list, 'has space', 0)).toBe(false);
  });
});

describe('export', () => {
  test('toYaml and toJson give the document back, and the YAML loads as it would with fulcrum run', () => {
    const doc = fixture();
    const yaml = d.toYaml(doc);
    expect(yaml.startsWith('# A tiny contest — exported from the Fulcrum workbench\n')).toBe(true);
    const r = parseNative(yaml, 'x.yaml', 'yaml');
    expect(r.ok && r.value.shocks.map((x) => x.date)).toEqual(['2024-09', undefined]);
    expect(JSON.parse(d.toJson(doc))).toEqual(doc);
    expect(d.downloadName(doc, 'yaml')).toBe('tiny.yaml');
    expect(d.downloadName({ name: '../x y' }, 'json')).toBe('x-y.json');
    expect(d.downloadName({}, 'yaml')).toBe('scenario.yaml');
  });
});

describe('actors and cells (existing helpers)', () => {
  test('removeActor drops a shock whose only change named the actor, and keeps the others', () => {
    const r = d.removeActor(fixture(), 1);
    expect([r.changes, r.shocks]).toEqual([1, ['Two']]);
    expect(r.doc.shocks.map((x: { id: string }) => x.id)).toEqual(['one']);
    // With two actors left, shock "one" (which removes Gamma) would leave one: the validator says so.
    expect(load(r.doc)).toEqual(['shocks[0].changes: this shock would leave fewer than two actors (1)']);
  });

  test('setCell, addActor, removeActor and renameActorRefs keep the document valid', () => {
    const doc = fixture();
    expect(d.setCell(doc, 0, 'position', 'tax', 'low', '1').actors[0].position.tax).toEqual({ value: 2, low: 1 });
    expect(d.setCell(doc, 1, 'capability', undefined, 'value', '3').actors[1].capability).toBe(3);
    const added = d.addActor(doc);
    expect(added.actors[3]).toMatchObject({ id: 'actor-4', position: { tax: 5, war: 50 }, salience: { tax: 0.5, war: 0.5 } });
    expect(load(added)).toEqual([]);
    const r = d.removeActor(doc, 2);
    expect([r.changes, r.shocks]).toEqual([1, []]);
    expect(load(r.doc)).toEqual([]);
    let ev = d.addEvidence(doc, 2, 'capability', undefined, 'quote');
    expect(ev.actors[2].capability).toEqual({ value: 1, evidence: [{ source: 'src', quote: '' }] });
    ev = d.setEvidence(ev, 2, 'capability', undefined, 0, 'quote', 'gamma holds');
    expect(load(ev)).toEqual([]);
    expect(d.setEvidence(ev, 2, 'capability', undefined, 3, 'quote', 'x')).toBe(ev);
    expect(d.removeEvidence(ev, 2, 'capability', undefined, 0).actors[2].capability).toBe(1);
    const renamed = d.renameActorRefs(d.setActorText(doc, 0, 'id', 'alpha'), 'a', 'alpha');
    expect(renamed.changes).toBe(1);
    expect(load(renamed.doc)).toEqual([]);
  });
});
