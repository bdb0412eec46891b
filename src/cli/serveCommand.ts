import type { Command } from 'commander';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { serve } from '@hono/node-server';
import { createApp } from '../server/app.js';
import { loadStaticFiles } from '../server/static.js';
import { RunStore, defaultDbPath } from '../store/runStore.js';
import type { Issue } from '../scenario/issues.js';
import { EXIT_OK, reportIssues } from './exitCodes.js';
import type { Io } from './io.js';
import { VERSION } from './version.js';
import { systemErrorText } from '../scenario/systemError.js';

export interface ServeFlags {
  port: string;
  host: string;
  db?: string;
  token?: string;
}

const LOCAL = new Set(['127.0.0.1', 'localhost', '::1']);

/** A running workbench server. */
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the workbench: the JSON API and the built UI on `host:port` (port 0 picks a free one), with the store
 * at `db`. Refuses a non-local host without a token. Returns issues instead of throwing on bad input.
 */
export async function startServer(o: { port: number | string; host: string; db?: string; token?: string; version?: string }): Promise<RunningServer | Issue[]> {
  const issues: Issue[] = [];
  const wanted = typeof o.port === 'number' ? o.port : /^\s*\d+\s*$/.test(o.port) ? Number(o.port) : NaN;
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) issues.push({ path: '--port', message: `must be a port number 0–65535 (got "${o.port}")` });
  if (!LOCAL.has(o.host) && !o.token)
    issues.push({ path: '--host', message: `serving on "${o.host}" exposes the workbench to the network; give an access token with --token (at least 16 characters)` });
  if (o.token !== undefined && o.token.length < 16) issues.push({ path: '--token', message: 'the access token must have at least 16 characters' });
  if (issues.length) return issues;
  const opened = RunStore.open(o.db ?? defaultDbPath());
  if (!opened.ok) return opened.issues;
  const store = opened.value;
  const web = loadStaticFiles();
  // Monte Carlo and briefs run in worker threads, so the server keeps answering while they compute.
  const app = createApp({ store, token: o.token, web, version: o.version, workers: Math.max(1, Math.min(4, availableParallelism())) });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: wanted, hostname: o.host }, () => resolve(s));
    s.once('error', reject);
  }).catch((e: NodeJS.ErrnoException) => {
    store.close();
    return [{ path: '--port', message: `cannot listen on ${o.host}:${o.port}: ${systemErrorText(e)}` }] as Issue[];
  });
  if (Array.isArray(server)) return server;
  const port = (server.address() as AddressInfo).port;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${host}:${port}/` + (o.token ? `#token=${encodeURIComponent(o.token)}` : ''),
    port,
    close: () =>
      new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => {
          store.close();
          resolve();
        });
      }),
  };
}

/** Registers `serve` on the program. */
export function registerServe(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('serve the web workbench (JSON API and browser UI), on 127.0.0.1 unless --host and --token are given')
    .option('-p, --port <port>', 'port to listen on (0 = any free port)', '4173')
    .option('--host <host>', 'address to bind; anything but 127.0.0.1/localhost/::1 needs --token', '127.0.0.1')
    .option('--db <path>', 'SQLite store of saved scenarios and runs (default: under $XDG_DATA_HOME/fulcrum)')
    .option('--token <token>', 'access token required by the API (needed with a non-local --host)')
    .action(async (flags: ServeFlags) => {
      const started = await startServer({ port: flags.port, host: flags.host, db: flags.db, token: flags.token ?? process.env.FULCRUM_TOKEN, version: VERSION });
      if (Array.isArray(started)) return setExit(reportIssues(io, started));
      io.out(`Fulcrum workbench: ${started.url}\n`);
      if (!loadStaticFiles()) io.err('warning: the browser UI is not built (web/dist missing); run `npm run build`. The API works.\n');
      io.err('Press Ctrl-C to stop.\n');
      const stop = () => void started.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      setExit(EXIT_OK);
    });
}
