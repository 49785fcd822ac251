/**
 * Runs before every test file: jest-dom matchers, and a fresh database of its own: a SQLite file (created and
 * migrated with the real migrations on first use, removed afterwards), or on `npm run test:postgres` a
 * PostgreSQL database copied from the run's migrated template.
 */
import '@testing-library/jest-dom';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// jsdom lacks TextEncoder, which browsers and Node have (the editor's schema counts bytes with it).
if (typeof globalThis.TextEncoder === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  globalThis.TextEncoder = require('node:util').TextEncoder;
}

if (process.env.HEARTH_TEST_POSTGRES) {
  // Required here, not imported: the default run never loads the PostgreSQL driver.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { provideTestDatabase } = require('./postgres-suite/test-database') as typeof import('./postgres-suite/test-database');
  provideTestDatabase(JSON.parse(process.env.HEARTH_TEST_POSTGRES), () => (require('@/db/index') as typeof import('@/db/index')).closeDatabase());
  /* eslint-enable @typescript-eslint/no-require-imports */
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-test-'));
  process.env.DATABASE_URL = `file:${path.join(dir, 'hearth.db')}`;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
}
