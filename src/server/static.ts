/**
 * The built browser UI (web/dist), read once at start-up into memory: the server then answers only for these
 * files and never touches the file system per request (no path from a client is ever opened).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StaticFiles } from './app.js';

/** Where `npm run build` puts the UI: `web/dist` at the package root (the same from src/ and dist/). */
export const webDistDir = (): string => fileURLToPath(new URL('../../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Reads every file under `dir` (default web/dist) into a URL-path → file map; undefined if there is no build. */
export function loadStaticFiles(dir = webDistDir()): StaticFiles | undefined {
  try {
    if (!statSync(join(dir, 'index.html')).isFile()) return undefined;
  } catch {
    return undefined;
  }
  const files: StaticFiles = new Map();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) files.set('/' + relative(dir, p).split(sep).join('/'), { type: TYPES[extname(p).toLowerCase()] ?? 'application/octet-stream', body: readFileSync(p) });
    }
  };
  walk(dir);
  return files;
}
