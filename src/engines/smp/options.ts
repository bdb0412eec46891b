import type { EngineOptions, OptionSpec } from '../types.js';
import type { Model } from '../model.js';

/** KTAB VictoryProbModel values, in KTAB's index order (smp.md §2). */
export const VICTORY_PROB_MODELS = ['Linear', 'Square', 'Quartic', 'Octic', 'Binary'] as const;
/** KTAB PCEModel values (probabilistic Condorcet election), in KTAB's index order. */
export const PCE_MODELS = ['Conditional', 'MarkovIncentive', 'MarkovUniform'] as const;
/** KTAB StateTransitions values. */
export const STATE_TRANSITIONS = ['Deterministic', 'Stochastic'] as const;
/** KTAB VotingRule values, in KTAB's index order. */
export const VOTING_RULES = ['Binary', 'PropBin', 'Prop', 'PropCbc', 'Cubic', 'ASymProsp'] as const;
/** KTAB BigRAdjust values. */
export const BIG_R_ADJUSTS = ['None', 'OneThird', 'Half', 'TwoThirds', 'Full'] as const;
/** KTAB BigRRange values. */
export const BIG_R_RANGES = ['Min', 'Mid', 'Max'] as const;
/** KTAB ThirdPartyCommit values. */
export const THIRD_PARTY_COMMITS = ['NoCommit', 'SemiCommit', 'FullCommit'] as const;
/** KTAB InterVecBrgn values. */
export const INTER_VEC_BRGNS = ['S1P1', 'S2P2', 'S2PMax'] as const;
/** KTAB BargnModel values. */
export const BARGN_MODELS = ['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'] as const;

/** The nine KTAB model parameters: our option name, KTAB's XML tag, the values and KTAB's default. */
export const SMP_PARAMETERS = [
  { name: 'victoryProbModel', tag: 'VictoryProbModel', values: VICTORY_PROB_MODELS, default: 'Linear',
    doc: 'p(A beats B) from coalition strengths: Linear (default), Square, Quartic, Octic, Binary' },
  { name: 'pceModel', tag: 'PCEModel', values: PCE_MODELS, default: 'Conditional',
    doc: 'probabilistic Condorcet election: Conditional (default), MarkovIncentive, MarkovUniform' },
  { name: 'stateTransitions', tag: 'StateTransitions', values: STATE_TRANSITIONS, default: 'Deterministic',
    doc: 'Deterministic (default: each actor takes the most likely bargain of its queue) or Stochastic (sampled, seeded)' },
  { name: 'votingRule', tag: 'VotingRule', values: VOTING_RULES, default: 'Prop',
    doc: 'vote as a function of the utility difference: Binary, PropBin, Prop (default), PropCbc, Cubic, ASymProsp' },
  { name: 'bigRAdjust', tag: 'BigRAdjust', values: BIG_R_ADJUSTS, default: 'OneThird',
    doc: "how an actor estimates another's risk attitude: None, OneThird (default), Half, TwoThirds, Full" },
  { name: 'bigRRange', tag: 'BigRRange', values: BIG_R_RANGES, default: 'Mid',
    doc: 'range of the inferred risk attitudes: Min [0,1], Mid [-0.5,1] (default), Max [-1,1]' },
  { name: 'thirdPartyCommit', tag: 'ThirdPartyCommit', values: THIRD_PARTY_COMMITS, default: 'SemiCommit',
    doc: "third parties' stake in a contest: NoCommit, SemiCommit (default), FullCommit" },
  { name: 'interVecBrgn', tag: 'InterVecBrgn', values: INTER_VEC_BRGNS, default: 'S2P2',
    doc: 'bargain interpolation: S1P1, S2P2 (default), S2PMax' },
  { name: 'bargnModel', tag: 'BargnModel', values: BARGN_MODELS, default: 'InitOnlyInterp',
    doc: "whose perspective makes the bargain: InitOnlyInterp (default), InitRcvrInterp, PWCompInterp" },
] as const;

/**
 * The SMP engine's options (smp.md §2): KTAB's nine parameters by name, with KTAB's defaults, plus
 * `seed` (default 0; only Stochastic mode draws random numbers), `maxTurns` (default 100, KTAB's maxIter) and
 * `fileParams` (default true: a KTAB XML file's `<ModelParameters>` apply to parameters left at their defaults).
 */
export const smpOptions: readonly OptionSpec[] = [
  ...SMP_PARAMETERS.map((p): OptionSpec => ({ name: p.name, type: 'enum', default: p.default, values: p.values, doc: p.doc })),
  { name: 'seed', type: 'number', default: 0, min: 0, integer: true,
    doc: 'seed of the random stream used by Stochastic state transitions (default 0; ignored when Deterministic)' },
  { name: 'maxTurns', type: 'number', default: 100, min: 1, max: 10000, integer: true,
    doc: 'stop after this many turns at the latest (default 100, as KTAB)' },
  { name: 'fileParams', type: 'boolean', default: true,
    doc: "use a KTAB XML file's <ModelParameters> for every parameter left at its default (default true; false runs KTAB's defaults)" },
];

/** The run's parameters as KTAB's integer codes (index into the value lists above). */
export interface SmpParams {
  vpm: number;
  pcem: number;
  stm: number;
  vr: number;
  bigRAdj: number;
  bigRRng: number;
  tpc: number;
  ivb: number;
  brgnMod: number;
  seed: number;
  maxTurns: number;
}

const lower = (s: string) => s.toLowerCase();

/**
 * Effective options of a run: the engine's defaults, replaced by the parameters the input file carried
 * (`model.params`, KTAB XML `<ModelParameters>`, keyed by KTAB tag or camelCase name), replaced by explicit
 * values. An option still at its engine default counts as "not set explicitly" (the options arrive resolved), so
 * `--set fileParams=false` is the way to run KTAB's defaults on a file that sets other values.
 */
export function effectiveOptions(model: Model, options: EngineOptions): EngineOptions {
  const out: EngineOptions = {};
  for (const spec of smpOptions) out[spec.name] = options[spec.name] ?? spec.default;
  const fileParams = out.fileParams === false ? {} : (model.params ?? {});
  for (const [key, raw] of Object.entries(fileParams)) {
    const p = SMP_PARAMETERS.find((q) => lower(q.tag) === lower(key) || lower(q.name) === lower(key));
    if (!p) continue;
    const value = (p.values as readonly string[]).find((v) => lower(v) === lower(String(raw)));
    if (value === undefined) continue;
    if (out[p.name] === p.default) out[p.name] = value;
  }
  return out;
}

/** Converts effective options to integer codes; throws on an unknown value (options are validated before). */
export function toParams(opts: EngineOptions): SmpParams {
  const code = (name: string, values: readonly string[]) => {
    const i = values.findIndex((v) => lower(v) === lower(String(opts[name])));
    if (i < 0) throw new Error(`smp: bad value ${String(opts[name])} for ${name}`);
    return i;
  };
  return {
    vpm: code('victoryProbModel', VICTORY_PROB_MODELS),
    pcem: code('pceModel', PCE_MODELS),
    stm: code('stateTransitions', STATE_TRANSITIONS),
    vr: code('votingRule', VOTING_RULES),
    bigRAdj: code('bigRAdjust', BIG_R_ADJUSTS),
    bigRRng: code('bigRRange', BIG_R_RANGES),
    tpc: code('thirdPartyCommit', THIRD_PARTY_COMMITS),
    ivb: code('interVecBrgn', INTER_VEC_BRGNS),
    brgnMod: code('bargnModel', BARGN_MODELS),
    seed: Number(opts.seed ?? 0),
    maxTurns: Number(opts.maxTurns ?? 100),
  };
}
