/** Binary victory model: a coalition at least this many times stronger wins outright (smp.md §2). */
export const BINARY_VICTORY_RATIO = 1.1;
/** Binary victory model: the loser's share when the winner wins outright. */
export const BINARY_VICTORY_MIN = 1e-6;

/**
 * Probability that the side with coalition strength `cab` beats the side with `cba`
 * (KTAB VictoryProbModel, smp.md §3.2): 0 Linear, 1 Square, 2 Quartic, 3 Octic — `f(a)/(f(a)+f(b))` with f = x^1,2,4,8 —
 * and 4 Binary (outright win at a 1.1 ratio, linear in the share between).
 */
export function victoryProbability(model: number, cab: number, cba: number): number {
  switch (model) {
    case 0:
      return cab / (cab + cba);
    case 1: {
      const a = cab * cab;
      const b = cba * cba;
      return a / (a + b);
    }
    case 2: {
      const a2 = cab * cab;
      const b2 = cba * cba;
      const a = a2 * a2;
      const b = b2 * b2;
      return a / (a + b);
    }
    case 3: {
      const a2 = cab * cab;
      const b2 = cba * cba;
      const a4 = a2 * a2;
      const b4 = b2 * b2;
      const a = a4 * a4;
      const b = b4 * b4;
      return a / (a + b);
    }
    case 4: {
      if (cab >= BINARY_VICTORY_RATIO * cba) return 1 / (1 + BINARY_VICTORY_MIN);
      if (cba >= BINARY_VICTORY_RATIO * cab) return BINARY_VICTORY_MIN / (1 + BINARY_VICTORY_MIN);
      const r = cab / (cab + cba);
      return (r * 2.1 - 1) / 0.1; // linear between the thresholds 1/2.1 and 1.1/2.1
    }
    default:
      throw new Error(`smp: unknown victory probability model ${model}`);
  }
}
