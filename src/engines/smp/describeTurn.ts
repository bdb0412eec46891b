/** One proposed bargain of a turn, as reported in `rounds[t].bargains` (positions on the scenario's scale). */
export interface BargainRecord {
  /** Actor indices: the challenger and its target. */
  initiator: number;
  receiver: number;
  /** Whose estimate made it: the initiator's, the receiver's (InitRcvrInterp) or both averaged (PWCompInterp). */
  kind: 'initiator' | 'receiver' | 'pairwise';
  /** The P(initiator beats receiver) the bargain was interpolated with. */
  probability: number;
  /** The initiator's expected gain from challenging (KTAB's doubled utility scale). */
  gain: number;
  initiatorPosition: number[];
  receiverPosition: number[];
  initiatorQueueProbability: number;
  receiverQueueProbability: number;
  chosenByInitiator: boolean;
  chosenByReceiver: boolean;
}

/** What one actor's queue chose in a turn, as reported in `rounds[t].choices`. */
export interface ChoiceRecord {
  actor: number;
  /** Index into `rounds[t].bargains`, or null for the status quo. */
  bargain: number | null;
  probability: number;
  statusQuoProbability: number;
  moved: boolean;
}

/** An explained event of a turn; `text` is what `--explain` prints. */
export interface SmpEvent {
  type: 'proposal' | 'no-challenge' | 'move' | 'accept-no-move' | 'stay' | 'stop';
  actor?: number;
  partner?: number;
  bargain?: number;
  from?: number[];
  to?: number[];
  text: string;
}

const fmt = (p: number[]) => (p.length === 1 ? p[0].toFixed(2) : `(${p.map((v) => v.toFixed(2)).join(', ')})`);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** English possessive of a name: "Kurds'", "Iran's". */
const possessive = (name: string) => (/s$/i.test(name) ? `${name}'` : `${name}'s`);

/** Readable account of one turn: proposals, then each actor's choice, then the stop if any. */
export function describeTurn(
  names: readonly string[],
  bargains: readonly BargainRecord[],
  choices: readonly ChoiceRecord[],
  from: readonly number[][],
  to: readonly number[][],
  bestJ: Int32Array,
  stop?: { reason: string; ratio: number },
): SmpEvent[] {
  const events: SmpEvent[] = [];
  for (let i = 0; i < names.length; i++) {
    if (bestJ[i] < 0)
      events.push({ type: 'no-challenge', actor: i, text: `${names[i]} makes no challenge (no target is worth it).` });
  }
  bargains.forEach((b, idx) => {
    const I = names[b.initiator];
    const J = names[b.receiver];
    const who = b.kind === 'initiator' ? '' : b.kind === 'receiver' ? ` (as ${J} estimates it)` : ' (both estimates combined)';
    events.push({
      type: 'proposal',
      actor: b.initiator,
      partner: b.receiver,
      bargain: idx,
      text: `${I} challenges ${J} (P(win) ${b.probability.toFixed(3)}, expected gain ${b.gain.toFixed(4)}) and offers a bargain${who}: ${I} to ${fmt(b.initiatorPosition)}, ${J} to ${fmt(b.receiverPosition)}.`,
    });
  });
  for (const c of choices) {
    const K = names[c.actor];
    if (c.bargain === null) {
      events.push({ type: 'stay', actor: c.actor, from: from[c.actor], to: to[c.actor], text: `${K} keeps its position ${fmt(from[c.actor])} (status quo, ${pct(c.probability)}).` });
      continue;
    }
    const b = bargains[c.bargain];
    const own = b.initiator === c.actor;
    const partner = own ? b.receiver : b.initiator;
    const P = names[partner];
    const what = own ? `${K} takes its own bargain with ${P} (${pct(c.probability)})` : `${K} accepts ${possessive(P)} bargain (${pct(c.probability)})`;
    if (c.moved)
      events.push({ type: 'move', actor: c.actor, partner, bargain: c.bargain, from: from[c.actor], to: to[c.actor], text: `${what} and moves from ${fmt(from[c.actor])} to ${fmt(to[c.actor])}.` });
    else
      events.push({ type: 'accept-no-move', actor: c.actor, partner, bargain: c.bargain, from: from[c.actor], to: to[c.actor], text: `${what} but stays at ${fmt(from[c.actor])}.` });
  }
  if (stop)
    events.push({
      type: 'stop',
      text:
        stop.reason === 'converged'
          ? `Stop: this turn moved ${pct(stop.ratio)} as much as the first turn (below 2%).`
          : `Stop: the turn limit is reached (this turn moved ${pct(stop.ratio)} as much as the first).`,
    });
  return events;
}
