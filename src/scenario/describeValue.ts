import type { Dimension } from './types.js';

/**
 * Says what a value means in the scale's own words: "≈ label" when within 2.5% of the range of a labelled
 * point, otherwise "between 25 and 50, nearer <label of the nearer point>".
 */
export function describeValue(dim: Dimension, x: number): string {
  const { points, min, max } = dim.scale;
  if (!Number.isFinite(x)) return 'no value';
  const tol = 0.025 * (max - min);
  let best = points[0];
  for (const p of points) if (Math.abs(p.value - x) < Math.abs(best.value - x)) best = p;
  if (Math.abs(best.value - x) <= tol) return `≈ "${best.label}" (${fmt(best.value)})`;
  let lo = points[0];
  let hi = points[points.length - 1];
  for (const p of points) {
    if (p.value <= x && p.value >= lo.value) lo = p;
    if (p.value >= x && p.value <= hi.value) hi = p;
  }
  if (x < lo.value) return `below "${lo.label}" (${fmt(lo.value)})`;
  if (x > hi.value) return `above "${hi.label}" (${fmt(hi.value)})`;
  if (x - lo.value === hi.value - x) return `midway between "${lo.label}" (${fmt(lo.value)}) and "${hi.label}" (${fmt(hi.value)})`;
  const nearer = x - lo.value < hi.value - x ? lo : hi;
  return `between ${fmt(lo.value)} and ${fmt(hi.value)}, nearer "${nearer.label}"`;
}

/** Compact number format for tables: up to 2 decimals, no trailing zeros. */
export function fmt(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return String(x);
  const s = x.toFixed(digits);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** A signed change for tables: "+3.5", "-2", and "0" for anything that rounds to zero. */
export function fmtSigned(x: number, digits = 2): string {
  const s = fmt(x, digits);
  return s === '0' || s === '-0' ? '0' : x > 0 ? `+${s}` : s;
}
