import type { Engine, EngineOptions, Round, RunResult } from '../types.js';
import type { Model } from '../model.js';
import { rngFor, type Rng } from '../../analysis/rng.js';
import { effectiveOptions, smpOptions, toParams } from './options.js';
import { unitModel } from './unitModel.js';
import { SmpState } from './smpState.js';
import { movement, MIN_DELTA_RATIO, MIN_ITER } from './movement.js';
import { describeTurn, type BargainRecord, type ChoiceRecord } from './describeTurn.js';

/**
 * KTAB's Spatial Model of Politics (Wise, Lester et al., KAPSARC; smp.md): actors challenge, bargain and vote,
 * turn by turn, until positions settle. Deterministic mode reproduces KTAB's `smpc`; Stochastic mode samples
 * each actor's bargain from a seeded stream, resolving queues in actor order (reproducible, unlike KTAB).
 */
export const smp: Engine = {
  name: 'smp',
  title: 'Spatial Model of Politics (KTAB)',
  description: "KTAB's Spatial Model of Politics: challenge, bargain and vote turn by turn (KAPSARC Toolkit for Behavioral Analysis, KTAB).",
  options: smpOptions,
  run(model: Model, options: EngineOptions, rng?: Rng): RunResult {
    return runSmp(model, options, rng);
  },
};

/** Runs the SMP on a model (see `smp`); options are resolved, the file's parameters apply where left at default. */
export function runSmp(model: Model, options: EngineOptions, rng?: Rng): RunResult {
  const opts = effectiveOptions(model, options);
  const params = toParams(opts);
  const { n, d } = model;
  const unit = unitModel(model);
  const warnings = [...unit.warnings];
  const state = new SmpState(n, d, unit.sal, model.capability, unit.x0, params, unit.accommodation);
  const random = params.stm === 1 ? (rng ?? rngFor(params.seed, 0)) : undefined;
  const lo = model.min;
  const span = new Float64Array(d);
  for (let k = 0; k < d; k++) span[k] = model.max[k] - model.min[k];
  const toScale = (arr: Float64Array, i: number): number[] => {
    const out = new Array<number>(d);
    for (let k = 0; k < d; k++) out[k] = arr[i * d + k] * span[k] + lo[k];
    return out;
  };
  const effectivePower: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let k = 0; k < d; k++) row.push(model.capability[i] * unit.sal[i * d + k]);
    effectivePower.push(row);
  }
  let flat = true;
  const prepare = () => {
    if (!state.prepare()) flat = false;
    return Array.from(state.winProbabilities());
  };

  const initial: number[][] = [];
  for (let i = 0; i < n; i++) initial.push(Array.from(model.position.subarray(i * d, (i + 1) * d)));
  const rounds: Round[] = [{ positions: initial, winProbability: prepare(), effectivePower, events: [] }];
  const ratios: number[] = [];
  let firstMove = 0;
  let reason = 'max-turns';
  for (let t = 1; ; t++) {
    state.challenges();
    state.makeBargains();
    state.bargainValues();
    state.resolveQueues(random);
    const before = state.x;
    const after = state.xNew;
    const moved = movement(before, after, n, d);
    const bargains: BargainRecord[] = [];
    for (let b = 0; b < state.nb; b++) {
      bargains.push({
        initiator: state.bInit[b],
        receiver: state.bRcvr[b],
        kind: state.bKind[b] === 0 ? 'initiator' : state.bKind[b] === 1 ? 'receiver' : 'pairwise',
        probability: state.bProb[b],
        gain: state.bGain[b],
        initiatorPosition: toScale(state.bPosI, b),
        receiverPosition: toScale(state.bPosJ, b),
        initiatorQueueProbability: state.bProbInit[b],
        receiverQueueProbability: state.bProbRcvr[b],
        chosenByInitiator: state.bSelInit[b] === 1,
        chosenByReceiver: state.bSelRcvr[b] === 1,
      });
    }
    const choices: ChoiceRecord[] = [];
    for (let k = 0; k < n; k++) {
      let changed = false;
      for (let c = 0; c < d; c++) if (after[k * d + c] !== before[k * d + c]) changed = true;
      choices.push({
        actor: k,
        bargain: state.chosen[k] < 0 ? null : state.chosen[k],
        probability: state.chosenProb[k],
        statusQuoProbability: state.sqProb[k],
        moved: changed,
      });
    }
    const fromPos: number[][] = [];
    for (let i = 0; i < n; i++) fromPos.push(toScale(before, i));
    state.advance();
    const positions: number[][] = [];
    for (let i = 0; i < n; i++) positions.push(toScale(state.x, i));
    if (t === 1) firstMove = moved;
    const ratio = moved / (firstMove + MIN_DELTA_RATIO.sigDelta);
    ratios.push(ratio);
    const winProbability = prepare();
    let stop: string | undefined;
    if (t >= params.maxTurns) stop = 'max-turns';
    else if (t >= MIN_ITER && ratio < MIN_DELTA_RATIO.ratio) stop = 'converged';
    const events = describeTurn(model.actors, bargains, choices, fromPos, positions, state.bestJ, stop ? { reason: stop, ratio } : undefined);
    rounds.push({ positions, winProbability, effectivePower, bargains, choices, events, stopRatio: ratio });
    if (stop) {
      reason = stop;
      break;
    }
  }
  if (!flat) warnings.push('in some turn every position was equally likely; risk attitudes were set to 0 (KTAB would fail on 0/0)');

  const last = rounds[rounds.length - 1];
  const finalPositions = last.positions;
  const position: number[] = [];
  for (let k = 0; k < d; k++) {
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      const w = model.capability[i] * unit.sal[i * d + k];
      num += w * finalPositions[i][k];
      den += w;
    }
    position.push(den > 0 ? num / den : NaN);
  }
  const wp = last.winProbability as number[];
  let top = 0;
  for (let i = 1; i < n; i++) if (wp[i] > wp[top]) top = i;
  const result: RunResult = {
    engine: 'smp',
    options: opts,
    rounds,
    forecast: {
      position,
      method: 'capability×salience-weighted mean of the final positions',
      positions: finalPositions,
      mostLikelyPosition: finalPositions[top],
      mostLikelyProbability: wp[top],
    },
    stop: { reason, rounds: rounds.length - 1, ratios },
  };
  if (warnings.length) result.warnings = warnings;
  return result;
}
