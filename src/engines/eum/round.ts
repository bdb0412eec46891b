import type { EumOptions } from './options.js';
import type { Workspace } from './workspace.js';
import { distinctPositions } from './distinctPositions.js';
import { allPairsVoteMass, powerDistances, probabilities } from './probability.js';
import { dangers, riskExponents } from './risk.js';
import { receiverOffers, senderOffers } from './offers.js';
import { weightedMean } from '../weights.js';

/**
 * One EUM round on one issue (eum.md §6–7; Scholz et al. 2011 appendix steps 1–10): the risk pass with every
 * r = 1 gives each actor's danger and hence its risk exponent (left in `ws.r`); the decision pass recomputes
 * the probabilities with those exponents (Scholz-code rule only: the other rules have no exponent) and every
 * receiver picks at most one move. All choices are made from the start-of-round positions `ws.x` and written
 * to `ws.next` (simultaneous moves). `mu` is the start-of-round median, used only when Q < 1.
 */
export function eumRound(ws: Workspace, o: EumOptions, mu: number): void {
  distinctPositions(ws);
  const scholz = o.probabilityRule === 'scholz-code';
  // Risk pass: all exponents 1, so the vote exponent is 1 too.
  powerDistances(ws, ws.ones);
  probabilities(ws, o.probabilityRule, scholz ? allPairsVoteMass(ws) : 0);
  dangers(ws, o, mu);
  riskExponents(ws.danger, ws.r, o.riskGuard);
  // Decision pass.
  if (scholz) {
    powerDistances(ws, ws.r);
    probabilities(ws, 'scholz-code', allPairsVoteMass(ws));
  }
  // Masad's code takes μ to be the c·s-weighted mean after the risk update (matters only when Q < 1).
  const muDecision = o.Q !== 1 && o.noChallengeTerm === 'masad' ? weightedMean(ws.x, ws.w) : mu;
  if (o.offers === 'sender') senderOffers(ws, o, muDecision);
  else receiverOffers(ws, o, muDecision);
}
