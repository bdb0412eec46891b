import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main.js';
import { memoryIo } from '../cli/io.js';
import { startServer } from '../cli/serveCommand.js';

const dir = mkdtempSync(join(tmpdir(), 'fulcrum-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fulcrum serve', () => {
  test('refuses a non-local host without a token (exit 2)', async () => {
    const io = memoryIo();
    expect(await main(['serve', '--host', '0.0.0.0', '--db', join(dir, 'a.db')], io)).toBe(2);
    expect(io.stderr()).toMatch(/--host: serving on "0.0.0.0" exposes the workbench.*--token/);
  });

  test('refuses a short token, a bad port and a foreign database', async () => {
    const io = memoryIo();
    expect(await main(['serve', '--host', '0.0.0.0', '--token', 'short', '--port', 'x'], io)).toBe(2);
    expect(io.stderr()).toMatch(/--token: .*16 characters/);
    expect(io.stderr()).toMatch(/--port: must be a port number/);
    const io2 = memoryIo();
    expect(await main(['serve', '--db', dir], io2)).toBe(2);
    expect(io2.stderr()).toMatch(/is a directory/);
  });

  test('listens on 127.0.0.1 and a free port, answering the API; with a token, requires it', async () => {
    const s = await startServer({ port: 0, host: '127.0.0.1', db: join(dir, 'b.db') });
    if (Array.isArray(s)) throw new Error(s[0].message);
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const res = await fetch(new URL('/api/health', s.url));
      expect(await res.json()).toEqual({ ok: true });
    } finally {
      await s.close();
    }
    const t = await startServer({ port: 0, host: '127.0.0.1', db: join(dir, 'c.db'), token: 'a-long-enough-token' });
    if (Array.isArray(t)) throw new Error(t[0].message);
    try {
      expect(t.url).toMatch(/#token=a-long-enough-token$/);
      const base = t.url.replace(/#.*/, '');
      expect((await fetch(new URL('/api/health', base))).status).toBe(401);
      expect((await fetch(new URL('/api/health', base), { headers: { authorization: 'Bearer a-long-enough-token' } })).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
