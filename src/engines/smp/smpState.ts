import type { Rng } from '../../analysis/rng.js';
import type { SmpParams } from './options.js';
import { riskUtility, salienceDistance } from './utility.js';
import { PceWorkspace, scalarPce } from './scalarPce.js';
import { estimatedRisk, riskAttitudes } from './riskAttitudes.js';
import { CHLG_GAIN, challengeGains, probEduChlg } from './probEduChlg.js';
import { interpolateBargain } from './bargain.js';

/** Two positions closer than this (Euclidean, [0,1] scale) are the same position (KTAB `posTol`, smp.md §1). */
export const POS_TOL = 1e-3;
/** A challenge must be worth more than this to be made (KTAB `minSigEDU`, smp.md §2). */
export const MIN_SIG_EDU = 1e-5;

/** Kind of a proposed bargain: whose estimate of P(i>j) made it (smp.md §3.5 step 4). */
export const BARGAIN_INIT = 0;
export const BARGAIN_RCVR = 1;
export const BARGAIN_PWCOMP = 2;

/**
 * The SMP's state and all per-turn scratch arrays (typed arrays, allocated once per run; smp.md §3.5).
 * Positions `x` and ideals `idl` are actor-major on [0,1]; saliences on [0,1] summing to at most 1 per actor.
 * A turn is `prepare()` (distances, risk attitudes), `challenges()`, `makeBargains()`, `bargainValues()`,
 * `resolveQueues()` and `advance()`; tests call the steps one by one to compare KTAB's intermediate tables.
 */
export class SmpState {
  readonly n: number;
  readonly d: number;
  x: Float64Array;
  idl: Float64Array;
  xNew: Float64Array;
  /** Total salience S_i, the probability that i resists a challenge. */
  readonly sTot: Float64Array;
  /** S_i c_i, the vote weight in challenges. */
  readonly sc: Float64Array;
  /** dist[a*n+b]: distance from a's ideal to b's position; distT is its transpose. */
  readonly dist: Float64Array;
  readonly distT: Float64Array;
  /** Risk-neutral utilities U0 (row-major), then scratch. */
  readonly u0: Float64Array;
  /** Probability of each position winning, seen risk-neutrally (the basis of big R). */
  readonly pRisk: Float64Array;
  /** Risk attitude R_i of every actor. */
  readonly risk: Float64Array;
  /** ura[a*n+b] = u(d_ab, R_a): each actor's own risk-aware utility of each position. */
  readonly ura: Float64Array;
  /** Estimator h's utility matrix, transposed: uhT[b*n+a] = U^h(a,b). */
  readonly uhT: Float64Array;
  /** Third parties' commitment sums for estimator h, transposed like uhT: 2U(a,b)+U(a,a) and 3U(a,b). */
  readonly t2: Float64Array;
  readonly t3: Float64Array;
  private readonly gainJ: Float64Array;
  private readonly probJ: Float64Array;
  /** diagU[a] = U^h(a,a) for the current estimator h. */
  readonly diagU: Float64Array;
  private readonly rh: Float64Array;
  private readonly chlg = new Float64Array(6);
  readonly pce: PceWorkspace;
  /** Best target of every actor (-1: no challenge), its estimated P(i>j) and expected gain. */
  readonly bestJ: Int32Array;
  readonly bestP: Float64Array;
  readonly bestGain: Float64Array;
  /** j's quirky estimate used by InitRcvrInterp/PWCompInterp (dEU of probEduChlg(j,i,i,j)). */
  readonly rcvrEst: Float64Array;
  /** Proposed bargains of this turn, in queue order (by initiator). */
  nb = 0;
  readonly bInit: Int32Array;
  readonly bRcvr: Int32Array;
  readonly bKind: Int32Array;
  readonly bProb: Float64Array;
  readonly bGain: Float64Array;
  readonly bPosI: Float64Array;
  readonly bPosJ: Float64Array;
  private readonly tmpI: Float64Array;
  private readonly tmpJ: Float64Array;
  /** bVal[b*n+a]: actor a's value of bargain b; sqVal[a] of the status quo. */
  readonly bVal: Float64Array;
  readonly sqVal: Float64Array;
  /** Probability of bargain b in its initiator's and its receiver's queue, and whether it was chosen there. */
  readonly bProbInit: Float64Array;
  readonly bProbRcvr: Float64Array;
  readonly bSelInit: Uint8Array;
  readonly bSelRcvr: Uint8Array;
  /** Per actor: probability of its status quo in its queue, the chosen bargain (-1: status quo) and its probability. */
  readonly sqProb: Float64Array;
  readonly chosen: Int32Array;
  readonly chosenProb: Float64Array;
  private readonly qUtil: Float64Array;
  private readonly qIdx: Int32Array;
  private readonly qP: Float64Array;
  /** Displayed win probability of each actor's position (KTAB pDist(-1)). */
  readonly winProb: Float64Array;
  private readonly eqClass: Int32Array;
  private readonly eqRep: Int32Array;

  constructor(
    n: number,
    d: number,
    readonly sal: Float64Array,
    readonly cap: Float64Array,
    x0: Float64Array,
    readonly params: SmpParams,
    /** Row-major N×N ideal adjustment; identity when undefined. */
    readonly accommodation?: Float64Array,
  ) {
    this.n = n;
    this.d = d;
    this.x = Float64Array.from(x0);
    this.idl = Float64Array.from(x0);
    this.xNew = new Float64Array(n * d);
    this.sTot = new Float64Array(n);
    this.sc = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += sal[i * d + k];
      this.sTot[i] = s;
      this.sc[i] = s * cap[i];
    }
    const nn = n * n;
    this.dist = new Float64Array(nn);
    this.distT = new Float64Array(nn);
    this.u0 = new Float64Array(nn);
    this.ura = new Float64Array(nn);
    this.uhT = new Float64Array(nn);
    this.pRisk = new Float64Array(n);
    this.risk = new Float64Array(n);
    this.rh = new Float64Array(n);
    this.diagU = new Float64Array(n);
    this.t2 = new Float64Array(nn);
    this.t3 = new Float64Array(nn);
    this.gainJ = new Float64Array(n);
    this.probJ = new Float64Array(n);
    const maxB = 2 * n;
    const maxQ = 2 * n + 1;
    this.pce = new PceWorkspace(maxQ);
    this.bestJ = new Int32Array(n);
    this.bestP = new Float64Array(n);
    this.bestGain = new Float64Array(n);
    this.rcvrEst = new Float64Array(n);
    this.bInit = new Int32Array(maxB);
    this.bRcvr = new Int32Array(maxB);
    this.bKind = new Int32Array(maxB);
    this.bProb = new Float64Array(maxB);
    this.bGain = new Float64Array(maxB);
    this.bPosI = new Float64Array(maxB * d);
    this.bPosJ = new Float64Array(maxB * d);
    this.tmpI = new Float64Array(2 * d);
    this.tmpJ = new Float64Array(2 * d);
    this.bVal = new Float64Array(maxB * n);
    this.sqVal = new Float64Array(n);
    this.bProbInit = new Float64Array(maxB);
    this.bProbRcvr = new Float64Array(maxB);
    this.bSelInit = new Uint8Array(maxB);
    this.bSelRcvr = new Uint8Array(maxB);
    this.sqProb = new Float64Array(n);
    this.chosen = new Int32Array(n);
    this.chosenProb = new Float64Array(n);
    this.qUtil = new Float64Array(n * maxQ);
    this.qIdx = new Int32Array(maxQ);
    this.qP = new Float64Array(maxQ);
    this.winProb = new Float64Array(n);
    this.eqClass = new Int32Array(n);
    this.eqRep = new Int32Array(n);
  }

  /**
   * Start of a turn (smp.md §3.3): distances from every ideal to every position, risk-neutral utilities, the
   * risk-neutral election over all positions (capability-weighted votes), risk attitudes and each actor's
   * risk-aware utilities. Returns false when every position was equally likely (risk attitudes set to 0).
   */
  prepare(): boolean {
    const { n, d, x, idl, sal, dist, distT, u0, ura, risk, params } = this;
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        const v = salienceDistance(idl, sal, a * d, x, b * d, d);
        dist[a * n + b] = v;
        distT[b * n + a] = v;
        u0[a * n + b] = riskUtility(v, 0);
      }
    }
    scalarPce(this.pce, n, n, this.cap, u0, params.vr, params.vpm, params.pcem, this.pRisk);
    const spread = riskAttitudes(params.bigRRng, this.pRisk, n, risk);
    for (let a = 0; a < n; a++) {
      const r = risk[a];
      for (let b = 0; b < n; b++) ura[a * n + b] = riskUtility(dist[a * n + b], r);
    }
    return spread;
  }

  /** Fills `uhT` with estimator h's utilities, transposed: U^h(a,b) = u(d_ab, R^h_a) (smp.md §3.3 step 5). */
  perspective(h: number): Float64Array {
    const { n, distT, uhT, rh, risk } = this;
    const adj = this.params.bigRAdj;
    const rhh = risk[h];
    for (let a = 0; a < n; a++) rh[a] = estimatedRisk(adj, rhh, risk[a]);
    for (let b = 0; b < n; b++) {
      const row = b * n;
      for (let a = 0; a < n; a++) uhT[row + a] = riskUtility(distT[row + a], rh[a]);
    }
    const { diagU, t2, t3 } = this;
    for (let a = 0; a < n; a++) diagU[a] = uhT[a * n + a];
    for (let b = 0; b < n; b++) {
      const row = b * n;
      for (let a = 0; a < n; a++) {
        const u = uhT[row + a];
        t2[row + a] = 2 * u + diagU[a];
        t3[row + a] = 3 * u;
      }
    }
    return uhT;
  }

  /** Estimator h's `probEduChlg(h,k,i,j)` into `out` (needs `perspective(h)` first; smp.md §3.4). */
  challenge(k: number, i: number, j: number, out: Float64Array): void {
    probEduChlg(this.uhT, this.diagU, this.n, this.sc, this.sTot, this.params.vr, this.params.tpc, k, i, j, out);
  }

  /**
   * Every actor's best challenge (smp.md §3.5 step 2): the target with the largest expected gain above 1e-5 in its
   * own estimate (ties to the lowest index), with its estimated P(i>j). O(N³).
   */
  challenges(): void {
    const { n, bestJ, bestP, bestGain, chlg } = this;
    const { gainJ, probJ, params } = this;
    for (let i = 0; i < n; i++) {
      this.perspective(i);
      challengeGains(this.uhT, this.t2, this.t3, n, this.sc, this.sTot, params.vr, params.tpc, i, probJ, gainJ);
      let best = -1;
      let bestV = MIN_SIG_EDU;
      for (let j = 0; j < n; j++) {
        if (j !== i && gainJ[j] > bestV) {
          bestV = gainJ[j];
          best = j;
        }
      }
      bestJ[i] = best;
      bestP[i] = best >= 0 ? probJ[best] : 0;
      bestGain[i] = best >= 0 ? bestV : 0;
    }
    if (this.params.brgnMod !== 0) {
      // The receiver's estimate, with KTAB's quirk: the gain slot of probEduChlg(j,i,i,j), used as a probability.
      for (let h = 0; h < n; h++) {
        let any = false;
        for (let i = 0; i < n; i++) if (bestJ[i] === h) any = true;
        if (!any) continue;
        this.perspective(h);
        for (let i = 0; i < n; i++) {
          if (bestJ[i] !== h) continue;
          this.challenge(i, i, h, chlg);
          this.rcvrEst[i] = chlg[CHLG_GAIN];
        }
      }
    }
  }

  /** Builds the bargains of the turn from the best challenges, by initiator index (smp.md §3.5 steps 3–4). */
  makeBargains(): void {
    const { n, d, x, sal, cap, sTot, bestJ, bestP, rcvrEst, params } = this;
    const { bPosI, bPosJ, tmpI, tmpJ } = this;
    let nb = 0;
    for (let i = 0; i < n; i++) {
      const j = bestJ[i];
      if (j < 0) continue;
      if (params.brgnMod === 0) {
        nb = this.push(nb, BARGAIN_INIT, i, j, bestP[i]);
        interpolateBargain(params.ivb, x, sal, d, i, j, bestP[i], bPosI, bPosJ, (nb - 1) * d);
      } else if (params.brgnMod === 1) {
        nb = this.push(nb, BARGAIN_INIT, i, j, bestP[i]);
        interpolateBargain(params.ivb, x, sal, d, i, j, bestP[i], bPosI, bPosJ, (nb - 1) * d);
        nb = this.push(nb, BARGAIN_RCVR, i, j, rcvrEst[i]);
        interpolateBargain(params.ivb, x, sal, d, i, j, rcvrEst[i], bPosI, bPosJ, (nb - 1) * d);
      } else {
        interpolateBargain(params.ivb, x, sal, d, i, j, bestP[i], tmpI, tmpJ, 0);
        interpolateBargain(params.ivb, x, sal, d, i, j, rcvrEst[i], tmpI, tmpJ, d);
        // KTAB's quirk: the receiver's weight uses the initiator's capability.
        const wi = cap[i] * sTot[i];
        const wj = cap[i] * sTot[j];
        nb = this.push(nb, BARGAIN_PWCOMP, i, j, bestP[i]);
        const o = (nb - 1) * d;
        for (let k = 0; k < d; k++) {
          bPosI[o + k] = (wi * tmpI[k] + wj * tmpI[d + k]) / (wi + wj);
          bPosJ[o + k] = (wi * tmpJ[k] + wj * tmpJ[d + k]) / (wi + wj);
        }
      }
    }
    this.nb = nb;
  }

  /** Appends bargain number `nb` (i proposes to j, made with P(i>j) = p) and returns the new count. */
  private push(nb: number, kind: number, i: number, j: number, p: number): number {
    this.bInit[nb] = i;
    this.bRcvr[nb] = j;
    this.bKind[nb] = kind;
    this.bProb[nb] = p;
    this.bGain[nb] = this.bestGain[i];
    return nb + 1;
  }

  /**
   * Each actor's value of every bargain and of the status quo (smp.md §3.5 step 5): the mean over all actors'
   * positions after the bargain of its own risk-aware utility. O(N²) per bargain.
   */
  bargainValues(): void {
    const { n, d, idl, sal, risk, ura, bVal, sqVal, bInit, bRcvr, bPosI, bPosJ, nb } = this;
    for (let a = 0; a < n; a++) {
      let s = 0;
      for (let m = 0; m < n; m++) s += ura[a * n + m];
      sqVal[a] = s / n;
    }
    for (let b = 0; b < nb; b++) {
      const bi = bInit[b];
      const bj = bRcvr[b];
      for (let a = 0; a < n; a++) {
        const ra = risk[a];
        let s = riskUtility(salienceDistance(idl, sal, a * d, bPosI, b * d, d), ra);
        s += riskUtility(salienceDistance(idl, sal, a * d, bPosJ, b * d, d), ra);
        const row = a * n;
        for (let m = 0; m < n; m++) if (m !== bi && m !== bj) s += ura[row + m];
        bVal[b * n + a] = s / n;
      }
    }
  }

  /**
   * Every actor resolves its own queue [status quo, bargains it is part of by initiator index] by a
   * capability-weighted election over the bargains' values (smp.md §3.5 step 5), k = 0..N-1 in order:
   * Deterministic takes the first most likely option; Stochastic draws one uniform number per queue from `rng`.
   * Writes the new positions to `xNew`.
   */
  resolveQueues(rng?: Rng): void {
    const { n, d, x, xNew, cap, params, bInit, bRcvr, bVal, sqVal, qUtil, qIdx, qP, nb } = this;
    this.bSelInit.fill(0);
    this.bSelRcvr.fill(0);
    for (let k = 0; k < n; k++) {
      let m = 1;
      qIdx[0] = -1;
      for (let b = 0; b < nb; b++) if (bInit[b] === k || bRcvr[b] === k) qIdx[m++] = b;
      for (let a = 0; a < n; a++) {
        const row = a * m;
        qUtil[row] = sqVal[a];
        for (let t = 1; t < m; t++) qUtil[row + t] = bVal[qIdx[t] * n + a];
      }
      let pick = 0;
      if (m > 1) {
        scalarPce(this.pce, n, m, cap, qUtil, params.vr, params.vpm, params.pcem, qP);
        if (params.stm === 1 && rng) {
          const u = rng.uniform();
          let cum = 0;
          pick = m - 1;
          for (let t = 0; t < m; t++) {
            cum += qP[t];
            if (cum >= u) {
              pick = t;
              break;
            }
          }
        } else {
          for (let t = 1; t < m; t++) if (qP[t] > qP[pick]) pick = t;
        }
      } else qP[0] = 1;
      this.sqProb[k] = qP[0];
      for (let t = 1; t < m; t++) {
        const b = qIdx[t];
        if (bInit[b] === k) this.bProbInit[b] = qP[t];
        else this.bProbRcvr[b] = qP[t];
      }
      const b = qIdx[pick];
      this.chosen[k] = b;
      this.chosenProb[k] = qP[pick];
      const src = b < 0 ? x : bInit[b] === k ? this.bPosI : this.bPosJ;
      const so = b < 0 ? k * d : b * d;
      if (b >= 0) {
        if (bInit[b] === k) this.bSelInit[b] = 1;
        else this.bSelRcvr[b] = 1;
      }
      for (let c = 0; c < d; c++) xNew[k * d + c] = src[so + c];
    }
  }

  /**
   * Moves to the new state: positions from `xNew`, ideals by the accommodation matrix,
   * `idl_i ← Σ_j A_ij x_j + (1 − Σ_j A_ij) idl_i` (smp.md §3.5 step 6; with A = I the ideal is the position).
   */
  advance(): void {
    const { n, d, idl } = this;
    const A = this.accommodation;
    const oldX = this.x;
    this.x = this.xNew;
    this.xNew = oldX;
    if (!A) {
      idl.set(this.x);
      return;
    }
    const nx = this.x;
    for (let i = 0; i < n; i++) {
      let rowSum = 0;
      for (let j = 0; j < n; j++) rowSum += A[i * n + j];
      for (let k = 0; k < d; k++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += A[i * n + j] * nx[j * d + k];
        idl[i * d + k] = v + (1 - rowSum) * idl[i * d + k];
      }
    }
  }

  /**
   * The displayed probability that each actor's position wins (KTAB pDist(-1), smp.md §3.3): an election among the
   * distinct positions (equivalence 1e-3), each actor voting by its own risk-aware utilities with weight c.
   * Each actor gets its position class's probability (so these can sum to more than 1). Needs `prepare()`.
   */
  winProbabilities(): Float64Array {
    const { n, d, x, ura, eqClass, eqRep, qUtil, qP, cap, params } = this;
    let m = 0;
    for (let j = 0; j < n; j++) {
      let cls = -1;
      for (let u = 0; u < m && cls < 0; u++) {
        const r = eqRep[u];
        let s = 0;
        for (let k = 0; k < d; k++) {
          const dx = x[j * d + k] - x[r * d + k];
          s += dx * dx;
        }
        if (Math.sqrt(s) < POS_TOL) cls = u;
      }
      if (cls < 0) {
        cls = m;
        eqRep[m++] = j;
      }
      eqClass[j] = cls;
    }
    // Each actor shows the probability of the last distinct position it is equivalent to.
    for (let j = 0; j < n; j++) {
      for (let u = eqClass[j] + 1; u < m; u++) {
        const r = eqRep[u];
        let s = 0;
        for (let k = 0; k < d; k++) {
          const dx = x[j * d + k] - x[r * d + k];
          s += dx * dx;
        }
        if (Math.sqrt(s) < POS_TOL) eqClass[j] = u;
      }
    }
    for (let a = 0; a < n; a++) for (let u = 0; u < m; u++) qUtil[a * m + u] = ura[a * n + eqRep[u]];
    scalarPce(this.pce, n, m, cap, qUtil, params.vr, params.vpm, params.pcem, qP);
    for (let i = 0; i < n; i++) this.winProb[i] = qP[eqClass[i]];
    return this.winProb;
  }
}
