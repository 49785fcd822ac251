/**
 * Runs before every test file: jest-dom matchers, and a fresh database of its own: a SQLite file (created and
 * migrated with the real migrations on first use, removed afterwards), or on `npm run test:postgres` a
 * PostgreSQL database copied from the run's migrated template.
 */
import '@testing-library/jest-dom';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { provideTestDatabase } from './postgres-suite/test-database';

if (process.env.HEARTH_TEST_POSTGRES) {
  // Required when the file ends, so a file that never touched the database does not load it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  provideTestDatabase(JSON.parse(process.env.HEARTH_TEST_POSTGRES), () => (require('@/db/index') as typeof import('@/db/index')).closeDatabase());
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-test-'));
  process.env.DATABASE_URL = `file:${path.join(dir, 'hearth.db')}`;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
}

// jsdom lacks TextEncoder, which browsers and Node have (the editor's schema counts bytes with it).
if (typeof globalThis.TextEncoder === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  globalThis.TextEncoder = require('node:util').TextEncoder;
}
