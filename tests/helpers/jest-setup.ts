/**
 * Runs before every test file: jest-dom matchers, and a fresh SQLite file of its own
 * (created and migrated with the real migrations on first use, removed afterwards).
 */
import '@testing-library/jest-dom';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-test-'));
process.env.DATABASE_URL = `file:${path.join(dir, 'hearth.db')}`;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// jsdom lacks TextEncoder, which browsers and Node have (the editor's schema counts bytes with it).
if (typeof globalThis.TextEncoder === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  globalThis.TextEncoder = require('node:util').TextEncoder;
}
