import type { EngineOptions, OptionSpec } from '../types.js';

/** How the probability that actor i prevails over j is computed (eum.md §3). */
export type ProbabilityRule = 'scholz-code' | 'paper' | 'masad';
/** Whose risk exponent enters the utilities of an expected-utility estimate (eum.md §5, parity rule 3). */
export type UtilityExponent = 'perceiver' | 'challenger';
/** Who evaluates offers: the receiver weighs every proposal (Scholz code) or senders push offers (Masad) (eum.md §7). */
export type OfferSide = 'receiver' | 'sender';
/** How a receiver ranks proposals within a category (eum.md §7, parity rule 1). */
export type OfferChoice = 'scholz-code' | 'nearest';
/** How the "no challenge" block of EU_i(j) is written when Q < 1 (eum.md §5, parity rule 5). */
export type NoChallengeTerm = 'scholz-code' | 'paper' | 'masad';

/** The EUM's options, every default written out (the defaults are the `scholz-fixcap` reading). */
export interface EumOptions {
  /**
   * Preset reading, default `scholz-fixcap`: `scholz` = the Scholz code as replicated by jmckib (capitulation
   * never fires); `scholz-fixcap` = the same with capitulation working as the paper says (reproduces the paper's
   * Table 2); `masad` = Masad's reading of the paper's text. A preset sets the switches below unless they are
   * set explicitly.
   */
  variant: 'scholz' | 'scholz-fixcap' | 'masad';
  /**
   * Probability of success, default `scholz-code`: `scholz-code` = supporting vote mass (each voter using its own
   * risk exponent) over the vote mass of all ordered actor pairs; `paper` = supporting over absolute vote mass of
   * the pair, no exponents; `masad` = net signed support (floored at 0) over absolute vote mass of the pair.
   */
  probabilityRule: ProbabilityRule;
  /**
   * Whose risk exponent enters the utilities, default `perceiver`: `perceiver` = the actor doing the reasoning
   * (both A = EU_i(j) and B = EU_j(i) with the receiver's r_i, Scholz code); `challenger` = each EU with the
   * challenger's own r (Masad, and the paper's text). With sender-side offers both readings coincide.
   */
  utilityExponent: UtilityExponent;
  /** Offers, default `receiver`: `receiver` = the Scholz code's receiver view; `sender` = Masad's sender offers. */
  offers: OfferSide;
  /**
   * Capitulation, default `true`: when B > 0 > A and |A| > B the receiver capitulates (the paper). `false`
   * reproduces the Scholz-code replication, whose capitulation branch never fires. Receiver-side offers only.
   */
  capitulationFix: boolean;
  /**
   * Ranking of proposals within a category, default `scholz-code`: compromises by the numerically smallest
   * weighted point (|A|x_i + |B|x_j)/(|A|+|B|), conflicts and capitulations by the smallest move; `nearest` =
   * the smallest move in every category (the paper's text). Receiver-side offers only.
   */
  offerChoice: OfferChoice;
  /** Form of the no-challenge block when Q < 1, default `scholz-code` (subtracts Q·U_sq only). */
  noChallengeTerm: NoChallengeTerm;
  /** Probability that the status quo holds without a challenge, default 1. */
  Q: number;
  /** Probability that a non-status-quo change favours the challenger, default 1 (matters only when Q < 1). */
  T: number;
  /**
   * Risk-denominator guard, default 0: when D_max − D_min ≤ riskGuard (with 0: when every actor's danger is
   * exactly equal) every actor is treated as equally exposed, R = 0, so r = 1.
   */
  riskGuard: number;
  /** Fixed horizon, default none: run exactly this many rounds, no early stop (the replications use 10). */
  rounds: number | null;
  /** Adaptive stop: at most this many rounds, default 10 (the replications' horizon). Ignored when `rounds` is set. */
  maxRounds: number;
  /**
   * Adaptive stop tolerance, relative to the scale range, default 1e-9: stop when no actor moved more than
   * tol·(max − min) in a round (converged), or the state repeats an earlier one within that distance (cycle).
   */
  tol: number;
}

const SCHOLZ = {
  probabilityRule: 'scholz-code',
  utilityExponent: 'perceiver',
  offers: 'receiver',
  offerChoice: 'scholz-code',
  noChallengeTerm: 'scholz-code',
} as const;

/** Variant presets: the switch settings that reproduce each reference-vector family (eum.md, vectors). */
export const eumPresets: Record<string, Record<string, EngineOptions>> = {
  variant: {
    scholz: { ...SCHOLZ, capitulationFix: false },
    'scholz-fixcap': { ...SCHOLZ, capitulationFix: true },
    masad: {
      probabilityRule: 'masad',
      utilityExponent: 'challenger',
      offers: 'sender',
      capitulationFix: true,
      offerChoice: 'nearest',
      noChallengeTerm: 'masad',
    },
  },
};

/** Option specifications for `--set` (defaults = the `scholz-fixcap` reading). */
export const eumOptionSpecs: readonly OptionSpec[] = [
  { name: 'variant', type: 'enum', default: 'scholz-fixcap', values: ['scholz', 'scholz-fixcap', 'masad'], doc: 'preset reading: scholz (Scholz code as replicated by jmckib), scholz-fixcap (same, capitulation as in the paper), masad (Masad\'s reading of the text)' },
  { name: 'probabilityRule', type: 'enum', default: 'scholz-code', values: ['scholz-code', 'paper', 'masad'], doc: 'probability of success: scholz-code (all-pairs denominator, voters\' own exponents), paper (per-pair share), masad (net support)' },
  { name: 'utilityExponent', type: 'enum', default: 'perceiver', values: ['perceiver', 'challenger'], doc: 'whose risk exponent enters the utilities: the perceiver\'s (Scholz code) or the challenger\'s (Masad, paper text)' },
  { name: 'offers', type: 'enum', default: 'receiver', values: ['receiver', 'sender'], doc: 'offers judged by the receiver (Scholz code) or sent by the sender with the largest EU (Masad)' },
  { name: 'capitulationFix', type: 'boolean', default: true, doc: 'let capitulation fire (B > 0 > A, |A| > B) as the paper says; false = the Scholz-code replication' },
  { name: 'offerChoice', type: 'enum', default: 'scholz-code', values: ['scholz-code', 'nearest'], doc: 'rank compromises by the lowest weighted point (scholz-code) or every category by the smallest move (nearest)' },
  { name: 'noChallengeTerm', type: 'enum', default: 'scholz-code', values: ['scholz-code', 'paper', 'masad'], doc: 'form of the no-challenge block when Q < 1' },
  { name: 'Q', type: 'number', default: 1, min: 0, max: 1, doc: 'probability the status quo holds without a challenge' },
  { name: 'T', type: 'number', default: 1, min: 0, max: 1, doc: 'probability a non-status-quo change favours the challenger (Q < 1 only)' },
  { name: 'riskGuard', type: 'number', default: 0, min: 0, doc: 'if D_max − D_min ≤ riskGuard, all risk exponents are 1 (0 = exact equality)' },
  { name: 'rounds', type: 'optional-number', default: null, min: 0, max: 10000, integer: true, doc: 'fixed horizon: exactly this many rounds (at most 10,000), no early stop' },
  { name: 'maxRounds', type: 'number', default: 10, min: 0, max: 10000, integer: true, doc: 'adaptive stop: at most this many rounds (at most 10,000)' },
  { name: 'tol', type: 'number', default: 1e-9, min: 0, doc: 'adaptive stop: converged/cycle when no actor differs by more than tol × scale range' },
];

/** Effective options: defaults, then the chosen variant's preset, then the given values (already-resolved input passes through). */
export function readEumOptions(given: EngineOptions): { options: EumOptions; effective: EngineOptions } {
  const effective: EngineOptions = {};
  for (const s of eumOptionSpecs) effective[s.name] = s.default;
  const variant = String(given.variant ?? effective.variant);
  const preset = eumPresets.variant[variant];
  if (!preset) throw new RangeError(`eum: unknown variant "${variant}"`);
  Object.assign(effective, preset, given);
  return { options: effective as unknown as EumOptions, effective };
}
