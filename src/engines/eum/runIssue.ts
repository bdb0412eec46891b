import type { Model } from '../model.js';
import type { EumOptions } from './options.js';
import { createWorkspace } from './workspace.js';
import { distinctPositions } from './distinctPositions.js';
import { condorcetMedian } from './median.js';
import { weightedMean } from '../weights.js';
import { eumRound } from './round.js';
import { repeatPeriod } from './cycle.js';
import { decimalsFor, moveEvent, type EumEvent } from './events.js';

/** A cycle found at the end of an issue's run: the last `period` states repeat. */
export interface EumCycle {
  period: number;
  /** First and last round of the repeating block. */
  from: number;
  to: number;
  /** The median after each round of the block. */
  medians: number[];
  /** Mean of those medians: the forecast when the run cycles. */
  mean: number;
}

/** The run of one issue (dimension). */
export interface IssueRun {
  /** State after each round (entry 0 = input). */
  history: Float64Array[];
  medians: number[];
  means: number[];
  /** Exponents used in round t at entry t − 1. */
  risk: Float64Array[];
  /** Adopted moves of round t at entry t − 1, in receiver input order. */
  events: EumEvent[][];
  /** `rounds` (fixed horizon), `converged`, `cycle`, `max-rounds`, or a guard: `no-range`, `out-of-scale`, `no-weight`. */
  reason: string;
  rounds: number;
  /** True when the final state equals the one before it (within tol). */
  converged: boolean;
  cycle: EumCycle | null;
  warning?: string;
}

/**
 * Runs the EUM on issue `k` of the model (eum.md §8): a fixed horizon when `rounds` is set, otherwise until no actor
 * moves more than tol·Δ (converged), the state repeats an earlier one (cycle), or `maxRounds`. Scale bounds are the
 * issue's min/max (Δ = max − min). Guards (eum.md parity rule 9): an empty scale, positions outside it, or zero total
 * capability×salience leave the issue at its input, with a warning. `explain = false` skips the event texts (sweeps).
 */
export function runIssue(m: Model, k: number, o: EumOptions, explain = true): IssueRun {
  const n = m.n;
  const delta = m.max[k] - m.min[k];
  const x0 = new Float64Array(n);
  const s = new Float64Array(n);
  const w = new Float64Array(n);
  let totalW = 0;
  let outside = -1;
  for (let i = 0; i < n; i++) {
    x0[i] = m.position[i * m.d + k];
    s[i] = m.salience[i * m.d + k];
    w[i] = m.capability[i] * s[i];
    totalW += w[i];
    if (!(x0[i] >= m.min[k] && x0[i] <= m.max[k]) && outside < 0) outside = i;
  }
  const ws = createWorkspace(n, delta, w, s, x0);
  const dim = m.dimensions[k];
  const dimId = m.dimensionIds[k] ?? dim;
  const stats = (x: Float64Array): [number, number] => {
    ws.x.set(x);
    distinctPositions(ws);
    return [totalW > 0 ? condorcetMedian(x, w, ws.u, ws.m, delta > 0 ? delta : 1) : NaN, weightedMean(x, w)];
  };
  const [med0, mean0] = stats(x0);
  const out: IssueRun = {
    history: [Float64Array.from(x0)],
    medians: [med0],
    means: [mean0],
    risk: [],
    events: [],
    reason: o.rounds !== null ? 'rounds' : 'max-rounds',
    rounds: 0,
    converged: false,
    cycle: null,
  };
  if (!(delta > 0) || !Number.isFinite(delta)) {
    out.reason = 'no-range';
    out.warning = `${dim}: the scale has no range (min ${m.min[k]}, max ${m.max[k]}); the EUM cannot measure distances, positions left as input`;
    return out;
  }
  if (outside >= 0) {
    out.reason = 'out-of-scale';
    out.warning = `${dim}: ${m.actors[outside]}'s position ${x0[outside]} is outside the scale [${m.min[k]}, ${m.max[k]}]; the EUM needs every position inside the scale, positions left as input`;
    return out;
  }
  if (!(totalW > 0)) {
    out.reason = 'no-weight';
    out.warning = `${dim}: every actor's capability × salience is 0, so nobody votes; positions left as input`;
    return out;
  }
  const fixed = o.rounds !== null;
  const limit = fixed ? (o.rounds as number) : o.maxRounds;
  const tolAbs = o.tol * delta;
  const decimals = decimalsFor(delta);
  const prefix = m.d > 1;
  for (let t = 1; t <= limit; t++) {
    ws.x.set(out.history[t - 1]);
    eumRound(ws, o, out.medians[t - 1]);
    const ev: EumEvent[] = [];
    for (let i = 0; explain && i < n; i++) {
      if (ws.moveType[i] === 0) continue;
      ev.push(moveEvent(ws.moveType[i], dimId, m.actors[i], m.actors[ws.moveWith[i]], ws.x[i], ws.next[i], decimals, prefix));
    }
    const next = Float64Array.from(ws.next);
    out.history.push(next);
    out.risk.push(Float64Array.from(ws.r));
    out.events.push(ev);
    const [med, mean] = stats(next);
    out.medians.push(med);
    out.means.push(mean);
    out.rounds = t;
    if (!fixed) {
      const p = repeatPeriod(out.history, t, tolAbs);
      if (p === 1) {
        out.reason = 'converged';
        break;
      }
      if (p > 1) {
        out.reason = 'cycle';
        break;
      }
    }
  }
  const T = out.rounds;
  const p = repeatPeriod(out.history, T, tolAbs);
  out.converged = p === 1;
  if (p > 1) {
    const medians = out.medians.slice(T - p + 1, T + 1);
    out.cycle = { period: p, from: T - p + 1, to: T, medians, mean: medians.reduce((a, b) => a + b, 0) / p };
  }
  return out;
}
