import type { Engine, Round, RunDetail, RunResult } from '../types.js';
import type { Model } from '../model.js';
import { eumOptionSpecs, eumPresets, readEumOptions } from './options.js';
import { runIssue, type IssueRun } from './runIssue.js';

/**
 * Bueno de Mesquita's expected utility ("challenge") model, as replicated by Scholz, Calbert & Smith (2011) and
 * restated in shared/models/eum.md; both public readings are selectable (`variant`). One-dimensional: a
 * multi-issue scenario runs issue by issue and the results sit side by side.
 *
 * Output: `rounds[t]` holds `positions[actor][dim]`, `median[dim]`, `mean[dim]` (c·s-weighted), `riskExponents[dim][actor]`
 * (the exponents used in round t; absent in round 0, empty for an issue that had already stopped) and `events`
 * (adopted moves, each with a `text`). An issue that stops early is padded with its final state.
 * `forecast.position` is the final median; `weightedMean` and, when an issue cycles, `cycleMean` ride along.
 */
export const eum: Engine = {
  name: 'eum',
  title: 'Expected utility model (Bueno de Mesquita)',
  description: 'Bueno de Mesquita\'s expected utility model as replicated by Scholz, Calbert & Smith (2011), issue by issue.',
  options: eumOptionSpecs,
  presets: eumPresets,
  run(model: Model, given, _rng?, detail: RunDetail = 'full'): RunResult {
    const { options: o, effective } = readEumOptions(given);
    const issues: IssueRun[] = [];
    for (let k = 0; k < model.d; k++) issues.push(runIssue(model, k, o, detail === 'full'));
    const fixed = o.rounds !== null;
    const total = fixed ? (o.rounds as number) : Math.max(0, ...issues.map((r) => r.rounds));
    const rounds: Round[] = [];
    // With detail = 'forecast' (sweeps) only the final round is built.
    for (let t = detail === 'full' ? 0 : total; t <= total; t++) {
      const positions: number[][] = [];
      for (let i = 0; i < model.n; i++) {
        const row: number[] = [];
        for (const run of issues) row.push(run.history[Math.min(t, run.rounds)][i]);
        positions.push(row);
      }
      const round: Round = {
        positions,
        median: issues.map((run) => run.medians[Math.min(t, run.rounds)]),
        mean: issues.map((run) => run.means[Math.min(t, run.rounds)]),
      };
      if (t > 0) round.riskExponents = issues.map((run) => (t <= run.rounds ? Array.from(run.risk[t - 1]) : []));
      round.events = issues.flatMap((run) => (t > 0 && t <= run.rounds ? run.events[t - 1] : []));
      rounds.push(round);
    }
    const last = rounds[rounds.length - 1];
    const median = last.median as number[];
    const forecast: RunResult['forecast'] = { position: [...median], median: [...median], weightedMean: last.mean };
    if (issues.some((run) => run.cycle)) forecast.cycleMean = issues.map((run) => run.cycle?.mean ?? null);
    const reasons = new Set(issues.map((run) => run.reason));
    const stop: RunResult['stop'] = {
      reason: fixed ? 'rounds' : reasons.size === 1 ? issues[0].reason : 'mixed',
      rounds: total,
      dimensions: issues.map((run, k) => ({
        dimension: model.dimensions[k],
        reason: run.reason,
        rounds: run.rounds,
        converged: run.converged,
        cycle: run.cycle,
      })),
    };
    const warnings = issues.flatMap((run) => (run.warning ? [run.warning] : []));
    const result: RunResult = { engine: 'eum', options: effective, rounds, forecast, stop };
    if (warnings.length) result.warnings = warnings;
    return result;
  },
};
