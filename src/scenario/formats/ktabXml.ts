import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Scenario } from '../types.js';
import { fail, ok, type Issue, type Result } from '../issues.js';
import { buildKtabScenario, KTAB_MAX_ACTORS, KTAB_MIN_ACTORS, type KtabActorInput } from './ktabCsv.js';

/** KTAB's nine model parameters (XML tags under `<ModelParameters>`) and the value names its reader accepts (smp.md §2). */
export const KTAB_PARAMETERS: Record<string, readonly string[]> = {
  VictoryProbModel: ['Linear', 'Square', 'Quartic', 'Octic', 'Binary'],
  PCEModel: ['Conditional', 'MarkovIncentive', 'MarkovUniform'],
  StateTransitions: ['Deterministic', 'Stochastic'],
  VotingRule: ['Binary', 'PropBin', 'Prop', 'PropCbc', 'Cubic', 'ASymProsp'],
  BigRAdjust: ['None', 'OneThird', 'Half', 'TwoThirds', 'Full'],
  BigRRange: ['Min', 'Mid', 'Max'],
  ThirdPartyCommit: ['NoCommit', 'SemiCommit', 'FullCommit'],
  InterVecBrgn: ['S1P1', 'S2P2', 'S2PMax'],
  BargnModel: ['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'],
};

/** The XSD's spellings that KTAB's reader rejects, mapped to the code names (smp.md §4). */
const XSD_ALIASES: Record<string, Record<string, string>> = {
  VotingRule: { Proportional: 'Prop' },
  BigRAdjust: { No: 'None' },
};

const ARRAYS = new Set(['dName', 'Actor', 'dCoord', 'dSal', 'iaPair']);

type Node = Record<string, unknown>;

/** 1-based line of the `nth` (0-based) start tag `<tag` in `text`, if there is one. */
function lineOfTag(text: string, tag: string, nth = 0): number | undefined {
  const re = new RegExp(`<${tag}(?=[\\s>/])`, 'g');
  let m: RegExpExecArray | null;
  let k = 0;
  while ((m = re.exec(text))) {
    if (k++ === nth) return lineAt(text, m.index);
  }
  return undefined;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const asNode = (v: unknown): Node | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/**
 * Reads a KTAB SMP XML scenario (smp.md §4): `<Scenario>` with `name`, `desc`, `prngSeed`, optional
 * `<ModelParameters>` (all nine tags, code names), `Dimensions/dName`, `Actors/Actor` (name, description,
 * capability > 0, `Position/dCoord` and `Salience/dSal` on 0–100) and `IdealAdjustment/iaPair` (required, as
 * KTAB's reader requires it). Parameters and the accommodation matrix go to `scenario.smp`. Entities are not
 * expanded. Every problem is an issue naming the element, with its line where it can be found.
 */
export function parseKtabXml(text: string, file: string): Result<Scenario> {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const valid = XMLValidator.validate(text);
  if (valid !== true) return fail([{ file, line: valid.err.line, message: `not well-formed XML: ${valid.err.msg}` }]);
  let doc: Node;
  try {
    const parser = new XMLParser({
      ignoreAttributes: true,
      processEntities: false,
      htmlEntities: false,
      parseTagValue: false,
      trimValues: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      isArray: (name: string) => ARRAYS.has(name),
    });
    doc = parser.parse(text) as Node;
  } catch (e) {
    return fail([{ file, message: `cannot parse XML: ${(e as Error).message}` }]);
  }
  const root = asNode(doc.Scenario);
  if (!root) {
    const found = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
    return fail([{ file, line: found ? lineOfTag(text, found) : 1, message: `not a KTAB SMP scenario: the root element is <${found ?? '?'}>, expected <Scenario>` }]);
  }
  const firstActor = asNode(list(asNode(root.Actors)?.Actor)[0]);
  if (root.Dimensions === undefined && firstActor && firstActor.Position === undefined)
    return fail([{ file, line: lineOfTag(text, 'Scenario'), message: 'not a KTAB SMP scenario: it has no <Dimensions> and its actors have no <Position> (it may be the input of another KTAB model, such as reform priorities)' }]);
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const at = (tag: string, nth: number, path: string, message: string) => {
    const line = lineOfTag(text, tag, nth);
    issues.push({ file, ...(line ? { line } : {}), path, message });
  };

  const name = str(root.name);
  if (name === undefined || name.trim() === '') at('Scenario', 0, 'Scenario/name', 'missing <name> element (the scenario name)');
  const desc = str(root.desc) ?? '';
  const seed = str(root.prngSeed);
  if (seed !== undefined && seed.trim() !== '' && !/^\d{1,20}$/.test(seed.trim()))
    at('prngSeed', 0, 'Scenario/prngSeed', `<prngSeed> must be a decimal unsigned 64-bit number (got "${seed}")`);

  // Model parameters: all nine, by KTAB's code names.
  let params: Record<string, string> | undefined;
  if (root.ModelParameters !== undefined) {
    const mp = asNode(root.ModelParameters) ?? {};
    params = {};
    for (const [tag, values] of Object.entries(KTAB_PARAMETERS)) {
      const raw = str(mp[tag])?.trim();
      if (raw === undefined || raw === '') {
        at('ModelParameters', 0, `ModelParameters/${tag}`, `<ModelParameters> lacks <${tag}> (all nine parameters are required when it is present): one of ${values.join(', ')}`);
        continue;
      }
      let value = values.find((v) => v === raw);
      const alias = XSD_ALIASES[tag]?.[raw];
      if (!value && alias) {
        value = alias;
        warnings.push({ file, line: lineOfTag(text, tag), path: `ModelParameters/${tag}`, message: `"${raw}" (the XSD's spelling) read as "${alias}"; KTAB's own reader accepts only "${alias}"` });
      }
      if (!value) at(tag, 0, `ModelParameters/${tag}`, `<${tag}> "${raw}" is not one of ${values.join(', ')}`);
      else params[tag] = value;
    }
  }

  const dimsNode = asNode(root.Dimensions);
  const dimNames = list(dimsNode?.dName).map((v) => str(v) ?? '');
  if (!dimsNode) at('Scenario', 0, 'Scenario/Dimensions', 'missing <Dimensions> element (one <dName> per dimension)');
  else if (dimNames.length === 0) at('Dimensions', 0, 'Dimensions', '<Dimensions> has no <dName>');
  dimNames.forEach((d, k) => {
    if (d.trim() === '') at('dName', k, `Dimensions/dName[${k}]`, `<dName> ${k + 1} is empty`);
  });
  const D = dimNames.length;

  const actorsNode = asNode(root.Actors);
  const actorNodes = list(actorsNode?.Actor);
  if (!actorsNode) at('Scenario', 0, 'Scenario/Actors', 'missing <Actors> element');
  else if (actorNodes.length < KTAB_MIN_ACTORS || actorNodes.length > KTAB_MAX_ACTORS)
    at('Actors', 0, 'Actors', `a KTAB scenario needs ${KTAB_MIN_ACTORS} to ${KTAB_MAX_ACTORS} <Actor> elements (found ${actorNodes.length})`);
  const rows: KtabActorInput[] = [];
  let coordSeen = 0;
  let salSeen = 0;
  actorNodes.forEach((raw, i) => {
    const a = asNode(raw) ?? {};
    const line = lineOfTag(text, 'Actor', i);
    const label = str(a.name)?.trim() || `actor ${i + 1}`;
    const here = (tag: string, nth: number | undefined, path: string, message: string) => {
      const l = nth === undefined ? line : lineOfTag(text, tag, nth) ?? line;
      issues.push({ file, ...(l ? { line: l } : {}), path: `Actors/Actor[${i}]${path}`, message });
    };
    if (str(a.name) === undefined || str(a.name)!.trim() === '') here('Actor', undefined, '/name', `<Actor> ${i + 1} has no <name>`);
    const capRaw = str(a.capability)?.trim();
    const capability = capRaw === undefined || capRaw === '' ? NaN : Number(capRaw);
    if (capRaw === undefined || capRaw === '') here('capability', undefined, '/capability', `<capability> of ${label} is missing or empty`);
    else if (!Number.isFinite(capability)) here('capability', undefined, '/capability', `<capability> of ${label} is not a number ("${capRaw}")`);
    const vec = (parentTag: 'Position' | 'Salience', tag: 'dCoord' | 'dSal', seenBefore: number): number[] => {
      const parent = asNode(a[parentTag]);
      const items = list(parent?.[tag]);
      if (!parent) here(parentTag, undefined, `/${parentTag}`, `<${parentTag}> of ${label} is missing (one <${tag}> per dimension)`);
      else if (items.length !== D)
        here(parentTag, undefined, `/${parentTag}`, `<${parentTag}> of ${label} has ${items.length} <${tag}> element(s) for ${D} dimension(s)`);
      return items.map((v, k) => {
        const s = str(v)?.trim() ?? '';
        const num = s === '' ? NaN : Number(s);
        if (s === '') here(tag, seenBefore + k, `/${parentTag}/${tag}[${k}]`, `<${tag}> ${k + 1} of ${label} (dimension ${dimNames[k] ?? k + 1}) is empty; KTAB's reader rejects the file here`);
        else if (!Number.isFinite(num)) here(tag, seenBefore + k, `/${parentTag}/${tag}[${k}]`, `<${tag}> ${k + 1} of ${label} is not a number ("${s}")`);
        return num;
      });
    };
    const positions = vec('Position', 'dCoord', coordSeen);
    coordSeen += list(asNode(a.Position)?.dCoord).length;
    const saliences = vec('Salience', 'dSal', salSeen);
    salSeen += list(asNode(a.Salience)?.dSal).length;
    rows.push({ name: str(a.name) ?? '', description: str(a.description) ?? '', capability, positions, saliences, ...(line ? { line } : {}) });
  });

  // Ideal adjustment: KTAB's reader requires the element with at least one iaPair.
  const n = rows.length;
  const names = rows.map((r) => r.name.trim());
  let accommodation: number[][] | undefined;
  const ia = asNode(root.IdealAdjustment);
  const pairs = list(ia?.iaPair);
  if (root.IdealAdjustment === undefined) {
    const line = lineOfTag(text, '/Scenario') ?? lineAt(text, text.lastIndexOf('</Scenario'));
    issues.push({
      file,
      line,
      path: 'Scenario/IdealAdjustment',
      message:
        'missing <IdealAdjustment> element: KTAB\'s reader requires it with at least one <iaPair> (although its XSD marks it optional). ' +
        'For plain ideals (ideal = position) add <IdealAdjustment><iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>A</referencePos><adjust>1</adjust></iaPair></IdealAdjustment> for any actor A',
    });
  } else if (pairs.length === 0) at('IdealAdjustment', 0, 'IdealAdjustment', '<IdealAdjustment> has no <iaPair> (KTAB requires at least one)');
  else if (issues.length === 0) {
    const A: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
    pairs.forEach((raw, p) => {
      const pr = asNode(raw) ?? {};
      const who = str(pr.adjustingIdeal)?.trim() ?? '';
      const ref = str(pr.referencePos)?.trim() ?? '';
      const adjRaw = str(pr.adjust)?.trim() ?? '';
      const adj = adjRaw === '' ? NaN : Number(adjRaw);
      const i = names.indexOf(who);
      const j = names.indexOf(ref);
      if (i < 0) at('iaPair', p, `IdealAdjustment/iaPair[${p}]/adjustingIdeal`, `<adjustingIdeal> "${who}" is not an actor's name`);
      if (j < 0) at('iaPair', p, `IdealAdjustment/iaPair[${p}]/referencePos`, `<referencePos> "${ref}" is not an actor's name`);
      if (!Number.isFinite(adj) || adj < 0 || adj > 1) at('iaPair', p, `IdealAdjustment/iaPair[${p}]/adjust`, `<adjust> must be a number in [0, 1] (got "${adjRaw}")`);
      else if (i >= 0 && j >= 0) A[i][j] = adj;
    });
    A.forEach((row, i) => {
      const s = row.reduce((x, y) => x + y, 0);
      if (s > 1 + 1e-9)
        at('IdealAdjustment', 0, 'IdealAdjustment', `the adjustments of ${names[i]}'s ideal sum to ${s} (above 1); the actor's own entry defaults to 1, so set it explicitly (e.g. its own <adjust> 0.8)`);
    });
    if (A.some((row, i) => row.some((v, j) => v !== (i === j ? 1 : 0)))) accommodation = A;
  }
  if (issues.length) return fail(issues);
  const s = buildKtabScenario(file, { name: name ?? '', description: desc, dimNames, format: 'ktab-xml' }, rows, issues, warnings);
  if (!s) return fail(issues);
  const smp: NonNullable<Scenario['smp']> = {};
  if (params) smp.params = params;
  if (accommodation) smp.accommodation = accommodation;
  if (seed !== undefined && seed.trim() !== '') smp.seed = seed.trim();
  if (Object.keys(smp).length) s.smp = smp;
  return ok(s, warnings);
}
