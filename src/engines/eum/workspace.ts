/**
 * Scratch arrays for one issue (dimension) of an EUM run, allocated once and reused every round, so the
 * inner loops allocate nothing. Sizes: O(n) vectors plus two n×n matrices (powered distances from each
 * distinct position to each actor, and probabilities between distinct positions).
 */
export interface Workspace {
  n: number;
  /** Issue scale range Δ (distances are |a − b| / Δ, eum.md §1). */
  delta: number;
  /** Capability × salience of each actor on this issue (vote weight). */
  w: Float64Array;
  /** Salience of each actor on this issue. */
  s: Float64Array;
  /** Positions at the start of the round. */
  x: Float64Array;
  /** Positions after the round (simultaneous update). */
  next: Float64Array;
  /** Risk exponents used in the decision pass of the round. */
  r: Float64Array;
  /** All ones: the exponents of the risk pass. */
  ones: Float64Array;
  /** Danger (security) D_i of each actor from the risk pass. */
  danger: Float64Array;
  /** Distinct positions held, ascending; `m` of them are in use. */
  u: Float64Array;
  m: number;
  /** Number of actors at each distinct position. */
  count: Float64Array;
  /** Index into `u` of each actor's position. */
  at: Int32Array;
  /** Actor indices sorted by position (scratch). */
  order: Int32Array;
  /** `pw[p * n + k]` = d(x_k, u_p)^ρ_k, voter k's powered distance to distinct position p. */
  pw: Float64Array;
  /** `prob[p * m + q]` = probability that an actor at u_p prevails over one at u_q. */
  prob: Float64Array;
  /** Chosen move of each receiver: 0 none, 1 confrontation, 2 compromise, 3 capitulation. */
  moveType: Int8Array;
  /** Proposer of each receiver's chosen move (−1 when none). */
  moveWith: Int32Array;
  /** Scratch for the all-pairs denominator: distinct-position indices in order of distance from a voter. */
  byDistance: Int32Array;
}

/** Allocates the scratch arrays for n actors on one issue. */
export function createWorkspace(n: number, delta: number, w: Float64Array, s: Float64Array, x0: Float64Array): Workspace {
  return {
    n,
    delta,
    w,
    s,
    x: Float64Array.from(x0),
    next: new Float64Array(n),
    r: new Float64Array(n).fill(1),
    ones: new Float64Array(n).fill(1),
    danger: new Float64Array(n),
    u: new Float64Array(n),
    m: 0,
    count: new Float64Array(n),
    at: new Int32Array(n),
    order: new Int32Array(n),
    pw: new Float64Array(n * n),
    prob: new Float64Array(n * n),
    moveType: new Int8Array(n),
    moveWith: new Int32Array(n),
    byDistance: new Int32Array(n),
  };
}
