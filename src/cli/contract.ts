import type { RunResult } from '../engines/types.js';
import type { Scenario } from '../scenario/types.js';

/**
 * The JSON object of the command-line contract (DESIGN.md): `{scenario:{name, actors, dimensions}, engine,
 * options, rounds, forecast, stop}`. Key order is fixed so output is byte-stable.
 */
export function toContract(s: Scenario, r: RunResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    scenario: {
      name: s.name,
      title: s.title,
      actors: s.actors.map((a) => a.name),
      dimensions: s.dimensions.map((d) => d.title),
      actorIds: s.actors.map((a) => a.id),
      dimensionIds: s.dimensions.map((d) => d.id),
    },
    engine: r.engine,
    options: r.options,
    rounds: r.rounds,
    forecast: r.forecast,
    stop: r.stop,
  };
  if (r.warnings?.length) out.warnings = r.warnings;
  return out;
}
