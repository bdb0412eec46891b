import type { EumOptions } from './options.js';
import type { Workspace } from './workspace.js';
import { expectedUtility, noChallenge, utilityFailure, utilitySuccess, utilityStatusQuo } from './utilities.js';

/** Move types recorded in `ws.moveType`. */
export const NONE = 0;
export const CONFRONTATION = 1;
export const COMPROMISE = 2;
export const CAPITULATION = 3;

/**
 * Offers judged by the receiver, the Scholz-code reading (eum.md §7, parity rules 1–3). For receiver i and each j
 * at another position, A = EU_i(j) and B = EU_j(i) (utilities with r_i, or with each challenger's r when
 * `utilityExponent = challenger`); j's proposal is a confrontation i loses (B > A > 0: i moves to x_j),
 * a compromise (B > 0 > A, B > |A|: i moves to x_i + (x_j − x_i)·|A/B|) or, with `capitulationFix`, a
 * capitulation (B > 0 > A, |A| > B: i moves to x_j). i takes the first category present, then the smallest key
 * (move size; for compromises under `offerChoice = scholz-code` the lowest weighted point
 * (|A|·x_i + |B|·x_j)/(|A| + |B|)), then the proposer first in input order. Writes `ws.next`, `moveType`, `moveWith`.
 */
export function receiverOffers(ws: Workspace, o: EumOptions, mu: number): void {
  const { n, x, s, r, at, m, prob, delta, next, moveType, moveWith } = ws;
  const challengerR = o.utilityExponent === 'challenger';
  const weighted = o.offerChoice === 'scholz-code';
  const capFix = o.capitulationFix;
  const plainQ = o.Q === 1;
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const ai = at[i];
    const ri = r[i];
    const si = s[i];
    const usqI = utilityStatusQuo(ri);
    const dmuI = plainQ ? 0 : Math.abs(xi - mu) / delta;
    let bestCat = 4;
    let bestKey = Infinity;
    let bestTo = xi;
    let bestJ = -1;
    for (let j = 0; j < n; j++) {
      const aj = at[j];
      if (aj === ai) continue;
      const xj = x[j];
      const d = Math.abs(xi - xj) / delta;
      const us = utilitySuccess(d, ri);
      const uf = utilityFailure(d, ri);
      const A = expectedUtility(prob[ai * m + aj], s[j], us, uf, plainQ ? usqI : noChallenge(usqI, dmuI + d, ri, o));
      let B: number;
      if (challengerR) {
        const rj = r[j];
        const usqJ = utilityStatusQuo(rj);
        const nc = plainQ ? usqJ : noChallenge(usqJ, Math.abs(xj - mu) / delta + d, rj, o);
        B = expectedUtility(prob[aj * m + ai], si, utilitySuccess(d, rj), utilityFailure(d, rj), nc);
      } else {
        B = expectedUtility(prob[aj * m + ai], si, us, uf, plainQ ? usqI : noChallenge(usqI, Math.abs(xj - mu) / delta + d, ri, o));
      }
      let cat: number;
      let to: number;
      let key: number;
      if (B > A && A > 0) {
        cat = CONFRONTATION;
        to = xj;
        key = Math.abs(xj - xi);
      } else if (B > 0 && 0 > A) {
        const absA = Math.abs(A);
        if (B > absA) {
          cat = COMPROMISE;
          to = xi + (xj - xi) * Math.abs(A / B);
          key = weighted ? (absA * xi + Math.abs(B) * xj) / (absA + Math.abs(B)) : Math.abs(to - xi);
        } else if (capFix && absA > B) {
          cat = CAPITULATION;
          to = xj;
          key = Math.abs(xj - xi);
        } else continue;
      } else continue;
      if (cat < bestCat || (cat === bestCat && key < bestKey)) {
        bestCat = cat;
        bestKey = key;
        bestTo = to;
        bestJ = j;
      }
    }
    next[i] = bestTo;
    moveType[i] = bestJ < 0 ? NONE : bestCat;
    moveWith[i] = bestJ;
  }
}

/**
 * Offers pushed by senders, Masad's reading (eum.md §7, parity rules 2 and 7). Sender j (at another position)
 * offers to i when U_j = EU_j(i) > 0 (utilities with r_j); i takes the offer with the largest U_j (ties: the
 * nearest, then the first in input order) and compares it with its own U_i = EU_i(j) (utilities with r_i):
 * 0 < U_i < U_j → i adopts x_j (confrontation); U_i < 0, |U_i| < U_j → compromise by the fraction |U_i/U_j|;
 * U_i < 0, |U_i| > U_j → i adopts x_j (capitulation); otherwise no move. `mu` feeds the Q < 1 block.
 */
export function senderOffers(ws: Workspace, o: EumOptions, mu: number): void {
  const { n, x, s, r, at, m, prob, delta, next, moveType, moveWith } = ws;
  const plainQ = o.Q === 1;
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const ai = at[i];
    const si = s[i];
    let bestU = 0;
    let bestDist = Infinity;
    let bestJ = -1;
    for (let j = 0; j < n; j++) {
      const aj = at[j];
      if (aj === ai) continue;
      const xj = x[j];
      const rj = r[j];
      const d = Math.abs(xj - xi) / delta;
      const usqJ = utilityStatusQuo(rj);
      const nc = plainQ ? usqJ : noChallenge(usqJ, Math.abs(xj - mu) / delta + d, rj, o);
      const uj = expectedUtility(prob[aj * m + ai], si, utilitySuccess(d, rj), utilityFailure(d, rj), nc);
      if (!(uj > 0)) continue;
      const dist = Math.abs(xj - xi);
      if (bestJ < 0 || uj > bestU || (uj === bestU && dist < bestDist)) {
        bestU = uj;
        bestDist = dist;
        bestJ = j;
      }
    }
    next[i] = xi;
    moveType[i] = NONE;
    moveWith[i] = -1;
    if (bestJ < 0) continue;
    const j = bestJ;
    const xj = x[j];
    const ri = r[i];
    const d = Math.abs(xi - xj) / delta;
    const usqI = utilityStatusQuo(ri);
    const nc = plainQ ? usqI : noChallenge(usqI, Math.abs(xi - mu) / delta + d, ri, o);
    const ui = expectedUtility(prob[ai * m + at[j]], s[j], utilitySuccess(d, ri), utilityFailure(d, ri), nc);
    const uj = bestU;
    let type = NONE;
    let to = xi;
    if (0 < ui && ui < uj) {
      type = CONFRONTATION;
      to = xj;
    } else if (ui < 0 && Math.abs(ui) < uj) {
      type = COMPROMISE;
      to = xi + (xj - xi) * Math.abs(ui / uj);
    } else if (ui < 0 && Math.abs(ui) > uj) {
      type = CAPITULATION;
      to = xj;
    }
    if (type !== NONE) {
      next[i] = to;
      moveType[i] = type;
      moveWith[i] = j;
    }
  }
}
