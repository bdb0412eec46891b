import { CAPITULATION, COMPROMISE, CONFRONTATION } from './offers.js';

/** An adopted move: `actor` (the receiver) moved from `from` to `to` because of `with` (the proposer). */
export interface EumEvent {
  /** Issue (dimension) id; the text starts with `[id] ` when the scenario has several issues. */
  dimension: string;
  actor: string;
  type: 'confrontation' | 'compromise' | 'capitulation';
  with: string;
  from: number;
  to: number;
  /** One human sentence, e.g. "Belgium compromises toward France: 7 → 8.42". */
  text: string;
}

/** Decimals that show a position on a scale of the given range to about three significant figures of the range. */
export function decimalsFor(range: number): number {
  if (!(range > 0) || !Number.isFinite(range)) return 2;
  return Math.min(8, Math.max(0, 3 - Math.ceil(Math.log10(range))));
}

/** A position for text: rounded to `decimals`, trailing zeros dropped. */
export function formatPosition(v: number, decimals: number): string {
  const s = v.toFixed(decimals);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

const TYPES = { [CONFRONTATION]: 'confrontation', [COMPROMISE]: 'compromise', [CAPITULATION]: 'capitulation' } as const;

/** Builds the event (with its sentence) for a receiver's adopted move of type 1–3 (see offers.ts). */
export function moveEvent(
  moveType: number,
  dimension: string,
  actor: string,
  proposer: string,
  from: number,
  to: number,
  decimals: number,
  prefix: boolean,
): EumEvent {
  const type = TYPES[moveType as 1 | 2 | 3];
  const a = formatPosition(from, decimals);
  const b = formatPosition(to, decimals);
  const verb =
    type === 'confrontation'
      ? `loses a confrontation with ${proposer} and moves`
      : type === 'compromise'
        ? `compromises toward ${proposer}`
        : `capitulates to ${proposer}`;
  const text = `${prefix ? `[${dimension}] ` : ''}${actor} ${verb}: ${a} → ${b}`;
  return { dimension, actor, type, with: proposer, from, to, text };
}
