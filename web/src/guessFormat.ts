import type { Format } from './ImportPanel.js';

/** The format of pasted or uploaded text: by the file name, else `{` JSON, `<` XML, a CSV-like first line CSV, else YAML. */
export function guessFormat(text: string, fileName?: string): Format {
  const ext = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'json') return 'json';
  if (ext === 'csv') return 'csv';
  if (ext === 'xml') return 'xml';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  const first = text.trimStart()[0];
  if (first === '{') return 'json';
  if (first === '<') return 'xml';
  // CSV: the first line that is not a comment has commas and reads like a CSV header, not a YAML mapping.
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
  if (/^\s*actor\s*,/i.test(line) || (line.split(',').length >= 4 && !/^\s*[\w$-]+\s*:(\s|$)/.test(line))) return 'csv';
  return 'yaml';
}
