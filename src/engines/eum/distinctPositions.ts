import type { Workspace } from './workspace.js';

/** Collects the distinct positions held (ascending) into `ws.u`, their head counts, and each actor's index into them. */
export function distinctPositions(ws: Workspace): void {
  const { n, x, order, u, count, at } = ws;
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => x[a] - x[b] || a - b);
  let m = 0;
  for (let t = 0; t < n; t++) {
    const i = order[t];
    if (m === 0 || x[i] !== u[m - 1]) {
      u[m] = x[i];
      count[m] = 0;
      m++;
    }
    count[m - 1]++;
    at[i] = m - 1;
  }
  ws.m = m;
}
