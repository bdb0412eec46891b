import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { KTAB_FIXTURES, loadModel, readCsv, smpOptionsFor } from './testHelpers.js';
import { effectiveOptions, toParams } from './options.js';
import { unitModel } from './unitModel.js';
import { SmpState } from './smpState.js';
import { vote } from './vote.js';
import { scalarPce } from './scalarPce.js';
import { CHLG_CHLG, CHLG_CNTST, CHLG_PROB, CHLG_SQ, CHLG_VICT } from './probEduChlg.js';
import { smp } from './smp.js';

/**
 * Turn-0 intermediate tables of KTAB smpc on dummyData_3Dim.csv (KTAB's SQLite tables dumped as CSV, copied to
 * test/fixtures/ktab/runs/dummyData_3Dim_csv; see the README there), matched to 1e-6.
 */
const DIR = join(KTAB_FIXTURES, 'runs', 'dummyData_3Dim_csv');
const TOL = 1e-6;
const model = loadModel(join(KTAB_FIXTURES, 'scenarios', 'dummyData_3Dim.csv'));
const params = toParams(effectiveOptions(model, smpOptionsFor()));
const n = model.n;

function turn0(): SmpState {
  const u = unitModel(model);
  const s = new SmpState(n, model.d, u.sal, model.capability, u.x0, params, u.accommodation);
  s.prepare();
  return s;
}

/** U^h(a,b) row-major, from the state's transposed perspective matrix. */
function utilities(s: SmpState, h: number): Float64Array {
  s.perspective(h);
  const u = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) u[a * n + b] = s.uhT[b * n + a];
  return u;
}

const rows = (name: string) => readCsv(join(DIR, name)).filter((r) => r.Turn_t === '0');

describe('smp matches KTAB smpc intermediate tables on dummyData_3Dim, turn 0', () => {
  it('PosUtil: every estimator\'s utility of every position (343 rows)', () => {
    const s = turn0();
    const table = rows('table_PosUtil_turn0.csv');
    expect(table.length).toBe(n * n * n);
    let worst = 0;
    for (let h = 0; h < n; h++) {
      const u = utilities(s, h);
      for (const r of table.filter((x) => +x.Est_h === h)) worst = Math.max(worst, Math.abs(u[+r.Act_i * n + +r.Pos_j] - Number(r.Util)));
    }
    expect(worst).toBeLessThan(TOL);
  });

  it('PosVote: capability-weighted votes between positions', () => {
    const s = turn0();
    const table = rows('table_PosVote_turn0.csv');
    expect(table.length).toBeGreaterThan(500);
    let worst = 0;
    for (let h = 0; h < n; h++) {
      const u = utilities(s, h);
      for (const r of table.filter((x) => +x.Est_h === h)) {
        const k = +r.Voter_k;
        const v = vote(params.vr, model.capability[k], u[k * n + +r.Pos_i], u[k * n + +r.Pos_j]);
        worst = Math.max(worst, Math.abs(v - Number(r.Vote)));
      }
    }
    expect(worst).toBeLessThan(TOL);
  });

  it('PosProb: each estimator\'s Condorcet probabilities over all positions', () => {
    const s = turn0();
    const table = rows('table_PosProb_turn0.csv');
    expect(table.length).toBe(n * n);
    const p = new Float64Array(n);
    let worst = 0;
    for (let h = 0; h < n; h++) {
      scalarPce(s.pce, n, n, model.capability, utilities(s, h), params.vr, params.vpm, params.pcem, p);
      for (const r of table.filter((x) => +x.Est_h === h)) worst = Math.max(worst, Math.abs(p[+r.Pos_i] - Number(r.Prob)));
    }
    expect(worst).toBeLessThan(TOL);
  });

  it('ProbVict and UtilChlg: probEduChlg(h,k,i,j) for every logged tuple', () => {
    const s = turn0();
    const pv = rows('table_ProbVict_turn0.csv');
    const uc = rows('table_UtilChlg_turn0.csv');
    expect(uc.length).toBe(798);
    expect(pv.length).toBe(uc.length);
    const out = new Float64Array(6);
    let worstP = 0;
    let worstU = 0;
    for (let h = 0; h < n; h++) {
      s.perspective(h);
      for (const r of uc.filter((x) => +x.Est_h === h)) {
        s.challenge(+r.Aff_k, +r.Init_i, +r.Rcvr_j, out);
        worstU = Math.max(
          worstU,
          Math.abs(out[CHLG_SQ] - Number(r.Util_SQ)),
          Math.abs(out[CHLG_VICT] - Number(r.Util_Vict)),
          Math.abs(out[CHLG_CNTST] - Number(r.Util_Cntst)),
          Math.abs(out[CHLG_CHLG] - Number(r.Util_Chlg)),
        );
      }
      for (const r of pv.filter((x) => +x.Est_h === h)) {
        s.challenge(+r.Init_i, +r.Init_i, +r.Rcvr_j, out);
        worstP = Math.max(worstP, Math.abs(out[CHLG_PROB] - Number(r.Prob)));
      }
    }
    expect(worstU).toBeLessThan(TOL);
    expect(worstP).toBeLessThan(TOL);
  });

  it('Bargn, BargnCoords and BargnUtil: bargains proposed, their values, queue probabilities and choices', () => {
    const s = turn0();
    s.challenges();
    s.makeBargains();
    s.bargainValues();
    s.resolveQueues();
    const bargn = rows('table_Bargn.csv');
    const byId = new Map<string, { i: number; j: number; b: number }>();
    let worst = 0;
    let nonSq = 0;
    for (const r of bargn) {
      const i = +r.Init_Act_i;
      const j = +r.Recd_Act_j;
      if (i === j) {
        byId.set(r.BargnId, { i, j, b: -1 });
        worst = Math.max(worst, Math.abs(s.sqProb[i] - Number(r.Init_Prob)));
        expect(s.chosen[i] === -1).toBe(r.Init_Seld === '1');
        continue;
      }
      nonSq++;
      let b = -1;
      for (let x = 0; x < s.nb; x++) if (s.bInit[x] === i && s.bRcvr[x] === j) b = x;
      expect(b).toBeGreaterThanOrEqual(0);
      byId.set(r.BargnId, { i, j, b });
      worst = Math.max(worst, Math.abs(s.bGain[b] - Number(r.Value)), Math.abs(s.bProbInit[b] - Number(r.Init_Prob)), Math.abs(s.bProbRcvr[b] - Number(r.Recd_Prob)));
      expect(s.bSelInit[b]).toBe(+r.Init_Seld);
      expect(s.bSelRcvr[b]).toBe(+r.Recd_Seld);
    }
    expect(nonSq).toBe(s.nb);
    for (const r of rows('table_BargnCoords.csv')) {
      const { b } = byId.get(r.BargnId)!;
      const k = +r.Dim_k;
      worst = Math.max(worst, Math.abs(100 * s.bPosI[b * model.d + k] - Number(r.Init_Coord)), Math.abs(100 * s.bPosJ[b * model.d + k] - Number(r.Recd_Coord)));
    }
    for (const r of rows('table_BargnUtil_turn0.csv')) {
      const { b } = byId.get(r.BargnId)!;
      const a = +r.Act_i;
      const v = b < 0 ? s.sqVal[a] : s.bVal[b * n + a];
      worst = Math.max(worst, Math.abs(v - Number(r.Util)));
    }
    expect(worst).toBeLessThan(TOL);
  });

  it('Bargn and BargnCoords on every turn, through the engine output', () => {
    const res = smp.run(model, smpOptionsFor());
    const bargn = readCsv(join(DIR, 'table_Bargn.csv'));
    const coords = readCsv(join(DIR, 'table_BargnCoords.csv'));
    let worst = 0;
    let checked = 0;
    for (const r of bargn) {
      const t = +r.Turn_t;
      const i = +r.Init_Act_i;
      const j = +r.Recd_Act_j;
      const round = res.rounds[t + 1] as unknown as { bargains: { initiator: number; receiver: number; gain: number; initiatorQueueProbability: number; receiverQueueProbability: number; initiatorPosition: number[]; receiverPosition: number[] }[]; choices: { statusQuoProbability: number; bargain: number | null }[] };
      if (i === j) {
        worst = Math.max(worst, Math.abs(round.choices[i].statusQuoProbability - Number(r.Init_Prob)));
        expect(round.choices[i].bargain === null).toBe(r.Init_Seld === '1');
        continue;
      }
      const b = round.bargains.find((x) => x.initiator === i && x.receiver === j)!;
      expect(b).toBeDefined();
      worst = Math.max(worst, Math.abs(b.gain - Number(r.Value)), Math.abs(b.initiatorQueueProbability - Number(r.Init_Prob)), Math.abs(b.receiverQueueProbability - Number(r.Recd_Prob)));
      for (const c of coords.filter((x) => x.Turn_t === r.Turn_t && x.BargnId === r.BargnId)) {
        const k = +c.Dim_k;
        worst = Math.max(worst, Math.abs(b.initiatorPosition[k] - Number(c.Init_Coord)), Math.abs(b.receiverPosition[k] - Number(c.Recd_Coord)));
        checked++;
      }
    }
    expect(checked).toBe(coords.length);
    expect(worst).toBeLessThan(1e-6);
  });
});
