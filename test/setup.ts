// Test setup: every test file gets its own throw-away run store, so tests never write to the user's data directory.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.FULCRUM_DB = join(mkdtempSync(join(tmpdir(), 'fulcrum-test-db-')), 'runs.db');
