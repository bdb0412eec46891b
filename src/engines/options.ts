import type { Engine, EngineOptions, OptionSpec, OptionValue } from './types.js';
import type { Issue, Result } from '../scenario/issues.js';
import { ok, fail } from '../scenario/issues.js';

/** Parses one `--set` value against its spec; returns the typed value or an error message. */
function parseValue(spec: OptionSpec, raw: string): OptionValue | { error: string } {
  switch (spec.type) {
    case 'enum': {
      const hit = spec.values.find((v) => v.toLowerCase() === raw.toLowerCase());
      return hit ?? { error: `must be one of ${spec.values.join(', ')} (got "${raw}")` };
    }
    case 'boolean':
      if (/^(true|yes|1|on)$/i.test(raw)) return true;
      if (/^(false|no|0|off)$/i.test(raw)) return false;
      return { error: `must be true or false (got "${raw}")` };
    case 'number':
    case 'optional-number': {
      if (spec.type === 'optional-number' && /^(none|null)$/i.test(raw)) return null;
      const v = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(v))
        return { error: `must be a finite number${spec.type === 'optional-number' ? ' or none' : ''} (got "${raw}")` };
      if (spec.integer && !Number.isInteger(v)) return { error: `must be a whole number (got "${raw}")` };
      if (spec.min !== undefined && v < spec.min) return { error: `must be at least ${spec.min} (got ${v})` };
      if (spec.max !== undefined && v > spec.max) return { error: `must be at most ${spec.max} (got ${v})` };
      return v;
    }
  }
}

/**
 * Resolves an engine's effective options from `key=value` strings: defaults, then presets, then explicit values.
 * Unknown keys and bad values are issues (one per problem), never exceptions.
 */
export function resolveOptions(engine: Engine, raw: Record<string, string>): Result<EngineOptions> {
  const issues: Issue[] = [];
  const out: EngineOptions = {};
  for (const spec of engine.options) out[spec.name] = spec.default;
  const explicit: EngineOptions = {};
  for (const [key, value] of Object.entries(raw)) {
    const spec = engine.options.find((s) => s.name.toLowerCase() === key.toLowerCase());
    if (!spec) {
      const known = engine.options.map((s) => s.name).join(', ') || '(none)';
      issues.push({ path: `--set ${key}`, message: `unknown option for engine ${engine.name}; known options: ${known}` });
      continue;
    }
    const v = parseValue(spec, value);
    if (v !== null && typeof v === 'object') issues.push({ path: `--set ${spec.name}`, message: v.error });
    else explicit[spec.name] = v;
  }
  if (issues.length) return fail(issues);
  for (const [key, table] of Object.entries(engine.presets ?? {})) {
    const chosen = (explicit[key] ?? out[key]) as string;
    const preset = table[chosen];
    if (preset) Object.assign(out, preset);
  }
  Object.assign(out, explicit);
  return ok(out);
}

/** Parses repeated `key=value` strings into a record; a string without `=` is an issue. */
export function parseSetArgs(sets: readonly string[]): Result<Record<string, string>> {
  const out: Record<string, string> = {};
  const issues: Issue[] = [];
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) issues.push({ path: '--set', message: `expected key=value (got "${s}")` });
    else out[s.slice(0, eq).trim()] = s.slice(eq + 1).trim();
  }
  return issues.length ? fail(issues) : ok(out);
}
