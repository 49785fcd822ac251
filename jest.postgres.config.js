// The unit, component and integration tests again, on PostgreSQL: one throwaway cluster for the run, a fresh
// database per test file (tests/helpers/postgres-suite). `npm run test:postgres`.
const base = require('./jest.config');

// Tests about SQLite itself, that bring their own PostgreSQL cluster, or use no database: they run in the default run only.
const sqliteOnly = [
  // opens SQLite files: WAL, pragmas, folder creation, migration on open
  '<rootDir>/tests/integration/db/index.test.ts',
  // better-sqlite3's compiled-statement cache
  '<rootDir>/tests/integration/db/compiled-statements.test.ts',
  // copies a SQLite site into its own PostgreSQL cluster
  '<rootDir>/tests/integration/db/copy-to-postgres.test.ts',
  // reads SQLite's catalogue (sqlite_master, the FTS5 virtual and shadow tables) and the SQLite schema
  '<rootDir>/tests/integration/db/member-data-review.test.ts',
  // backs up and restores both engines with its own PostgreSQL cluster, and ends that pool itself
  '<rootDir>/tests/integration/db/postgres-backup.test.ts',
  // compares SQLite with its own PostgreSQL cluster, loading each engine's modules itself
  '<rootDir>/tests/integration/db/search-parity.test.ts',
  // SQLite's reading connection refusing writes (PostgreSQL has no separate reading connection)
  '<rootDir>/tests/integration/db/reading-guard.test.ts',
  // the shared cache in Redis: no database in it, so one run is enough
  '<rootDir>/tests/unit/server/shared-cache.test.ts',
];

module.exports = async () => {
  const resolved = await base();
  return {
    ...resolved,
    testPathIgnorePatterns: [...resolved.testPathIgnorePatterns, ...sqliteOnly],
    globalSetup: '<rootDir>/tests/helpers/postgres-suite/global-setup.ts',
    globalTeardown: '<rootDir>/tests/helpers/postgres-suite/global-teardown.ts',
  };
};
