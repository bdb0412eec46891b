import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { fail, ok, type Result } from '../scenario/issues.js';
import type { RunRecord, StoredRun, StoredRunSummary } from './records.js';
import { systemErrorText } from '../scenario/systemError.js';

export type { RunRecord, StoredRunSummary, StoredRun } from './records.js';

/** `PRAGMA application_id` of a Fulcrum store ("FULC"): tells our databases from others. */
export const APPLICATION_ID = 0x46554c43;
/** Current schema version (`PRAGMA user_version`). */
export const SCHEMA_VERSION = 1;

/** Schema migrations: entry v−1 takes a store from version v−1 to v. */
const MIGRATIONS: string[] = [
  `CREATE TABLE runs (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     created_at TEXT NOT NULL,
     kind TEXT NOT NULL,
     scenario_name TEXT NOT NULL,
     scenario_hash TEXT NOT NULL,
     scenario_json TEXT NOT NULL,
     engine TEXT NOT NULL,
     options_json TEXT NOT NULL,
     seed INTEGER,
     result_json TEXT NOT NULL,
     timings_json TEXT NOT NULL,
     version TEXT NOT NULL
   );
   CREATE INDEX runs_scenario ON runs (scenario_name, created_at);
   CREATE TABLE scenarios (
     name TEXT NOT NULL,
     version INTEGER NOT NULL,
     title TEXT NOT NULL,
     saved_at TEXT NOT NULL,
     hash TEXT NOT NULL,
     content_json TEXT NOT NULL,
     PRIMARY KEY (name, version)
   );`,
];

/** The default store: `$XDG_DATA_HOME/fulcrum/runs.db` (else `~/.local/share/fulcrum/runs.db`), or `$FULCRUM_DB`. */
export function defaultDbPath(): string {
  if (process.env.FULCRUM_DB) return process.env.FULCRUM_DB;
  const base = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'fulcrum', 'runs.db');
}

/** SHA-256 of a JSON value's canonical text. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

function readHeader(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

const iso = () => new Date().toISOString();

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `f`, retrying for up to 10 s while SQLite reports the database busy or locked (some statements, such as
 * switching the journal mode, do not wait on the busy timeout themselves).
 */
function retryWhileBusy<T>(f: () => T): T {
  const deadline = Date.now() + 10_000;
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    try {
      return f();
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) throw e;
      if (Date.now() > deadline) throw e;
      Atomics.wait(pause, 0, 0, wait);
    }
  }
}

/**
 * The store of runs and saved scenarios: SQLite (better-sqlite3) in WAL mode with a busy timeout, so several
 * processes can write at once. A file that is not a Fulcrum store (not SQLite, another application's
 * database, a newer schema, corrupt) is reported and never modified.
 */
export class RunStore {
  private constructor(
    private readonly db: Database.Database,
    readonly path: string,
  ) {}

  /** Opens (creating if needed) the store at `path`; problems come back as issues. */
  static open(path: string = defaultDbPath()): Result<RunStore> {
    const bad = (message: string) => fail<RunStore>([{ file: path, message }]);
    try {
      if (existsSync(path)) {
        const st = statSync(path);
        if (st.isDirectory()) return bad('is a directory, not a database file');
        if (st.size > 0 && readHeader(path) !== SQLITE_HEADER) return bad('not a Fulcrum database (not an SQLite file); it was left untouched');
      } else {
        mkdirSync(dirname(path), { recursive: true });
      }
    } catch (e) {
      return bad(`cannot use this path: ${systemErrorText(e)}`);
    }
    let db: Database.Database | undefined;
    try {
      db = new Database(path, { timeout: 10_000 });
      const opened = db;
      // Check and migrate in one immediate transaction: a second process opening a new store at the same time
      // waits for the first one's migration instead of seeing a half-made file.
      const status = retryWhileBusy(() => opened.transaction(() => RunStore.checkAndMigrate(opened)).immediate());
      if (status !== 'ok') {
        db.close();
        return bad(status);
      }
      retryWhileBusy(() => opened.pragma('journal_mode = WAL'));
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      return ok(new RunStore(db, path));
    } catch (e) {
      db?.close();
      const code = (e as { code?: string }).code ?? '';
      if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return bad('the database file is corrupt; it was left untouched');
      if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') return bad(`cannot open the database (${code})`);
      return bad(`cannot open the database: ${(e as Error).message}`);
    }
  }

  /**
   * Inside a transaction: refuses another application's or a newer schema's file (returning the reason, having
   * written nothing), else brings the schema to SCHEMA_VERSION, one migration per version. Returns 'ok'.
   */
  private static checkAndMigrate(db: Database.Database): string {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
    if (appId !== APPLICATION_ID && (appId !== 0 || tables > 0)) return "not a Fulcrum database (another application's SQLite file); it was left untouched";
    let v = db.pragma('user_version', { simple: true }) as number;
    if (v > SCHEMA_VERSION) return `made by a newer Fulcrum (schema ${v}; this version reads up to ${SCHEMA_VERSION})`;
    for (; v < SCHEMA_VERSION; v++) {
      db.exec(MIGRATIONS[v]);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${v + 1}`);
    }
    return 'ok';
  }

  /** Saves a run; returns its id. */
  saveRun(r: RunRecord): number {
    const info = this.db
      .prepare(
        `INSERT INTO runs (created_at, kind, scenario_name, scenario_hash, scenario_json, engine, options_json, seed, result_json, timings_json, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(iso(), r.kind, r.scenarioName, contentHash(r.scenario), JSON.stringify(r.scenario), r.engine, JSON.stringify(r.options), r.seed ?? null, JSON.stringify(r.result), JSON.stringify(r.timings), r.version);
    return Number(info.lastInsertRowid);
  }

  /** The newest runs first. */
  listRuns(limit = 50): StoredRunSummary[] {
    return (
      this.db
        .prepare(
          `SELECT id, created_at AS createdAt, kind, scenario_name AS scenarioName, scenario_hash AS scenarioHash, engine, seed, version
           FROM runs ORDER BY id DESC LIMIT ?`,
        )
        .all(limit) as StoredRunSummary[]
    );
  }

  /** One run with its content, or undefined. */
  getRun(id: number): StoredRun | undefined {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    if (!row) return undefined;
    return {
      id: row.id as number,
      createdAt: row.created_at as string,
      kind: row.kind as string,
      scenarioName: row.scenario_name as string,
      scenarioHash: row.scenario_hash as string,
      engine: row.engine as string,
      seed: row.seed as number | null,
      version: row.version as string,
      scenario: JSON.parse(row.scenario_json as string),
      options: JSON.parse(row.options_json as string),
      result: JSON.parse(row.result_json as string),
      timings: JSON.parse(row.timings_json as string),
    };
  }

  /** Saves a new version of a named scenario (native form); an unchanged content returns the latest version. */
  saveScenario(name: string, native: { title?: unknown }): { name: string; version: number } {
    const hash = contentHash(native);
    return this.db
      .transaction(() => {
        const last = this.db.prepare('SELECT version, hash FROM scenarios WHERE name = ? ORDER BY version DESC LIMIT 1').get(name) as { version: number; hash: string } | undefined;
        if (last && last.hash === hash) return { name, version: last.version };
        const version = (last?.version ?? 0) + 1;
        this.db
          .prepare('INSERT INTO scenarios (name, version, title, saved_at, hash, content_json) VALUES (?, ?, ?, ?, ?, ?)')
          .run(name, version, String(native.title ?? name), iso(), hash, JSON.stringify(native));
        return { name, version };
      })
      .immediate();
  }

  /** Every saved scenario's latest version. */
  listScenarios(): { name: string; version: number; title: string; savedAt: string }[] {
    return this.db
      .prepare(
        `SELECT name, version, title, saved_at AS savedAt FROM scenarios s
         WHERE version = (SELECT max(version) FROM scenarios WHERE name = s.name) ORDER BY name`,
      )
      .all() as { name: string; version: number; title: string; savedAt: string }[];
  }

  /** A saved scenario's content (latest version unless given). */
  getScenario(name: string, version?: number): unknown {
    const row = (
      version === undefined
        ? this.db.prepare('SELECT content_json FROM scenarios WHERE name = ? ORDER BY version DESC LIMIT 1').get(name)
        : this.db.prepare('SELECT content_json FROM scenarios WHERE name = ? AND version = ?').get(name, version)
    ) as { content_json: string } | undefined;
    return row ? JSON.parse(row.content_json) : undefined;
  }

  /** Versions of one saved scenario, newest first. */
  scenarioVersions(name: string): { version: number; title: string; savedAt: string }[] {
    return this.db.prepare('SELECT version, title, saved_at AS savedAt FROM scenarios WHERE name = ? ORDER BY version DESC').all(name) as {
      version: number;
      title: string;
      savedAt: string;
    }[];
  }

  close(): void {
    this.db.close();
  }
}
