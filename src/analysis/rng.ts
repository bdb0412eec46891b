import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

/** A seeded source of uniform numbers in [0, 1); engines and analyses take one as a parameter (DESIGN.md). */
export interface Rng {
  /** Next uniform draw in [0, 1), 53 bits of randomness. */
  uniform(): number;
  /** Next standard normal draw (Box–Muller, one draw per call; the second value is discarded for simplicity of state). */
  normal(): number;
}

/** 32-bit mixing step of MurmurHash3's finaliser (Appleby, public domain), used to derive stream states. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * The random stream number `stream` of `seed`: xoroshiro128+ (pure-rand) with a state derived by hashing
 * (seed, stream), so run k of a sweep draws the same numbers whichever worker or machine runs it.
 */
export function rngFor(seed: number, stream: number): Rng {
  const s = Math.trunc(seed) >>> 0;
  const hi = Math.floor(Math.trunc(seed) / 0x100000000) >>> 0;
  const t = stream >>> 0;
  const state: number[] = [
    mix32(s ^ 0x9e3779b9),
    mix32(hi ^ mix32(t ^ 0x7f4a7c15)),
    mix32(t ^ mix32(s + 0x632be5ab)),
    mix32((t + 0x165667b1) ^ hi),
  ];
  if (!state.some((x) => x !== 0)) state[0] = 1;
  const g = xoroshiro128plusFromState(state);
  return {
    uniform: () => uniformFloat64(g),
    normal: () => {
      let u = 0;
      while (u === 0) u = uniformFloat64(g);
      const v = uniformFloat64(g);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
