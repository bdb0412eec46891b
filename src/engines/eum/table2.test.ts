// The default reading (variant=scholz-fixcap) against the paper's own published numbers: Scholz, Calbert & Smith
// (2011), J. Theoretical Politics 23(4), Table 2 — EC car emissions (BDM 1994 data, Table 1), Q = 1.0, rounds 1–8,
// one decimal (medians apparently truncated, means rounded), as quoted in shared/models/eum.md.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../scenario/load.js';
import { compileModel } from '../model.js';
import { resolveOptions } from '../options.js';
import { eum } from './eum.js';

const EC = fileURLToPath(new URL('../../../test/fixtures/eum/data/ec_car_emissions_1994.csv', import.meta.url));
const TABLE2_MEDIAN = [8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6];
const TABLE2_MEAN = [7.4, 7.5, 7.6, 7.3, 7.3, 7.4, 7.5, 7.6];
/**
 * Known discrepancy, kept visible rather than tuned away: in round 2 the paper prints a median of 9.9, while the
 * Scholz-code replication (and this engine) gives 9.6109 — Belgium's compromise toward France lands at 9.61, and
 * only reaches 9.96 in round 3. eum.md flags it; every other Table 2 entry agrees within 0.1.
 */
const KNOWN_EXCEPTION = { round: 2, published: 9.9, computed: 9.6108591341 };

describe('default EUM reading vs Scholz et al. (2011) Table 2 (EC car emissions)', () => {
  const sc = loadScenario(EC);
  if (!sc.ok) throw new Error('cannot load EC data');
  const opts = resolveOptions(eum, {});
  if (!opts.ok) throw new Error('options');
  const res = eum.run(compileModel(sc.value), opts.value);
  const median = (t: number) => (res.rounds[t].median as number[])[0];
  const mean = (t: number) => (res.rounds[t].mean as number[])[0];

  it('the default is the scholz-fixcap reading and runs at least 8 rounds', () => {
    expect(res.options).toMatchObject({ variant: 'scholz-fixcap', capitulationFix: true, probabilityRule: 'scholz-code' });
    expect(res.rounds.length).toBeGreaterThanOrEqual(9);
  });

  it('weighted mean within 0.1 of Table 2 in rounds 1–8', () => {
    TABLE2_MEAN.forEach((v, k) => expect(Math.abs(mean(k + 1) - v), `round ${k + 1}`).toBeLessThanOrEqual(0.1));
  });

  it('median within 0.1 of Table 2 in rounds 1–8, except the known round-2 discrepancy', () => {
    TABLE2_MEDIAN.forEach((v, k) => {
      if (k + 1 === KNOWN_EXCEPTION.round) return;
      expect(Math.abs(median(k + 1) - v), `round ${k + 1}`).toBeLessThanOrEqual(0.1);
    });
  });

  it('round 2: the paper prints 9.9, the model gives 9.61 (known exception, asserted as such)', () => {
    expect(TABLE2_MEDIAN[KNOWN_EXCEPTION.round - 1]).toBe(KNOWN_EXCEPTION.published);
    expect(Math.abs(median(KNOWN_EXCEPTION.round) - KNOWN_EXCEPTION.computed)).toBeLessThan(1e-9);
    expect(Math.abs(median(KNOWN_EXCEPTION.round) - KNOWN_EXCEPTION.published)).toBeGreaterThan(0.1);
  });
});
