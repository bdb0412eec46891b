import type { EumOptions } from './options.js';

/** b^e, exact for e = 1 (the risk pass). */
export const power = (b: number, e: number): number => (e === 1 ? b : Math.pow(b, e));

/** U_s = 2 − 4·(0.5 − 0.5·d)^r: the challenge succeeds and the target moves to the challenger (eum.md §4). */
export const utilitySuccess = (d: number, r: number): number => 2 - 4 * power(0.5 - 0.5 * d, r);

/** U_f = 2 − 4·(0.5 + 0.5·d)^r: the challenge fails and the challenger moves to the target (eum.md §4). */
export const utilityFailure = (d: number, r: number): number => 2 - 4 * power(0.5 + 0.5 * d, r);

/** U_b = 2 − 4·(0.5 − 0.25·e)^r, e = d(x_i, μ) + d: no challenge, things move the challenger's way (eum.md §4). */
export const utilityBetter = (e: number, r: number): number => 2 - 4 * power(0.5 - 0.25 * e, r);

/** U_w = 2 − 4·(0.5 + 0.25·e)^r: no challenge, things move against the challenger (eum.md §4). */
export const utilityWorse = (e: number, r: number): number => 2 - 4 * power(0.5 + 0.25 * e, r);

/** U_sq = 2 − 4·0.5^r: nothing changes (eum.md §4). */
export const utilityStatusQuo = (r: number): number => 2 - 4 * power(0.5, r);

/**
 * The no-challenge block subtracted in EU_i(j) (eum.md §5, parity rule 5), given U_sq, e = d(x_i, μ) + d(x_i, x_j)
 * and the exponent r. With Q = 1 every form is U_sq. Otherwise: `scholz-code` Q·U_sq; `paper`
 * Q·U_sq + (1−Q)·[T·U_b + (1−T)·U_w]; `masad` Q·U_sq − (1−Q)·[…] (Masad's sign slip).
 */
export function noChallenge(usq: number, e: number, r: number, o: EumOptions): number {
  const Q = o.Q;
  if (Q === 1 || o.noChallengeTerm === 'scholz-code') return Q * usq;
  const T = o.T;
  const change = T * utilityBetter(e, r) + (1 - T) * utilityWorse(e, r);
  return o.noChallengeTerm === 'paper' ? Q * usq + (1 - Q) * change : Q * usq - (1 - Q) * change;
}

/**
 * EU_i(j) = s_j·[P·U_s + (1−P)·U_f] + (1−s_j)·U_s − (no-challenge block) (eum.md §5; Scholz et al. 2011),
 * where P = P_i(j), s_j is the target's salience (the chance it resists).
 */
export const expectedUtility = (p: number, sTarget: number, us: number, uf: number, nc: number): number =>
  sTarget * (p * us + (1 - p) * uf) + (1 - sTarget) * us - nc;
