/** Tolerance of the Binary vote (smp.md §2): a utility difference of 1e-8 already casts a full vote. */
export const BINARY_VOTE_TOL = 1e-8;

/**
 * One actor's vote with weight `w` for option a over option b, given its utilities `ua`, `ub`
 * (KTAB `Model::vote`, smp.md §3.2). `rule` is the VotingRule code: 0 Binary, 1 PropBin, 2 Prop, 3 PropCbc,
 * 4 Cubic, 5 ASymProsp.
 */
export function vote(rule: number, w: number, ua: number, ub: number): number {
  const du = ua - ub;
  switch (rule) {
    case 2:
      return w * du;
    case 0:
      return w * binaryVote(du);
    case 1:
      return w * (0.8 * du + 0.2 * binaryVote(du));
    case 3:
      return w * (0.5 * du + 0.5 * du * du * du);
    case 4:
      return w * du * du * du;
    case 5:
      return du < 0 ? w * du : du > 0 ? ((2 / 3) * w) * du : 0;
    default:
      throw new Error(`smp: unknown voting rule ${rule}`);
  }
}

/** The Binary vote's clipped step: `clip(du / 1e-8, -1, 1)` (smp.md §3.2). */
export function binaryVote(du: number): number {
  const x = du / BINARY_VOTE_TOL;
  return x > 1 ? 1 : x < -1 ? -1 : x;
}
