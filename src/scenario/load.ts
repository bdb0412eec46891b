import { readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Scenario } from './types.js';
import { fail, type Result } from './issues.js';
import { parseNative } from './formats/yaml.js';
import { looksLikeActorCsv, parseActorCsv } from './formats/actorCsv.js';
import { parseKtabCsv } from './formats/ktabCsv.js';
import { parseKtabXml } from './formats/ktabXml.js';
import { builtinDir, builtinNames } from './builtin.js';

/** Largest scenario file read (64 MiB): anything bigger is not a scenario. */
export const MAX_SCENARIO_BYTES = 64 * 1024 * 1024;

/** True when the bytes are not text: NUL bytes or invalid UTF-8. */
function isBinary(buf: Buffer): boolean {
  if (buf.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(buf.buffer, buf.byteOffset, buf.length));
    return false;
  } catch {
    return true;
  }
}

/** True when the first line looks like a KTAB SMP CSV's scenario line: name, description, then two whole numbers. */
function looksLikeKtabCsv(text: string): boolean {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const field = '(?:\\s*"(?:[^"]|"")*"\\s*|[^,]*)';
  return new RegExp(`^${field},${field},\\s*\\d+\\s*,\\s*\\d+\\s*(,.*)?$`).test(first);
}

/**
 * Parses scenario text of any supported format. The format comes from the file name's extension
 * (.yaml/.yml, .json, .xml, .csv — plain actor CSV or KTAB CSV, told apart by the header).
 */
export function parseScenarioText(text: string, file: string): Result<Scenario> {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail([{ file, message: 'the file is empty' }]);
  const ext = extname(file).toLowerCase();
  const name = basename(file, extname(file));
  switch (ext) {
    case '.csv':
      if (looksLikeActorCsv(text)) return parseActorCsv(text, file, name);
      if (!looksLikeKtabCsv(text))
        return fail([
          {
            file,
            line: 1,
            message:
              'not a CSV scenario Fulcrum knows: a plain actor CSV needs the header actor,capability,position,salience; a KTAB SMP CSV starts with name,"description",ACTORS,DIMENSIONS',
          },
        ]);
      return parseKtabCsv(text, file);
    case '.xml':
      return parseKtabXml(text, file);
    case '.json':
      return parseNative(text, file, 'json');
    default:
      if (text.trimStart().startsWith('<')) return parseKtabXml(text, file);
      return parseNative(text, file, 'yaml');
  }
}

/** Resolves `builtin:NAME` to its file, or returns the path unchanged. */
export function resolveScenarioRef(ref: string): Result<string> {
  if (!ref.startsWith('builtin:')) return { ok: true, value: ref, warnings: [] };
  const name = ref.slice('builtin:'.length);
  if (!builtinNames().includes(name))
    return fail([{ file: ref, message: `no built-in scenario "${name}"; built-ins: ${builtinNames().join(', ')}` }]);
  return { ok: true, value: join(builtinDir(), `${name}.yaml`), warnings: [] };
}

/** Loads a scenario from a path or `builtin:NAME`; every problem is returned as data, never thrown. */
export function loadScenario(ref: string): Result<Scenario> {
  const resolved = resolveScenarioRef(ref);
  if (!resolved.ok) return resolved;
  const file = resolved.value;
  const label = ref.startsWith('builtin:') ? ref : file;
  let buf: Buffer;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return fail([{ file: label, message: 'is a directory, not a scenario file' }]);
    if (!st.isFile()) return fail([{ file: label, message: 'is not a regular file (a device, pipe or socket); save the scenario to a file first' }]);
    if (st.size > MAX_SCENARIO_BYTES) return fail([{ file: label, message: `file is too large (${st.size} bytes; limit ${MAX_SCENARIO_BYTES})` }]);
    buf = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    return fail([{ file: label, message: `cannot read scenario: ${why}` }]);
  }
  if (buf.length === 0) return fail([{ file: label, message: 'the file is empty' }]);
  if (isBinary(buf)) return fail([{ file: label, message: 'not a text file (binary data or invalid UTF-8); expected YAML, JSON, CSV or XML' }]);
  return relabel(parseScenarioText(buf.toString('utf8'), file), label, file);
}

function relabel(r: Result<Scenario>, label: string, file: string): Result<Scenario> {
  if (label === file) return r;
  const fix = <T extends { file?: string }>(i: T): T => (i.file === file ? { ...i, file: label } : i);
  return r.ok ? { ...r, warnings: r.warnings.map(fix) } : { ok: false, issues: r.issues.map(fix) };
}
