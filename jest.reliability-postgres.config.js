// The reliability suite again on PostgreSQL (`npm run test:reliability:postgres`, after a build): one throwaway
// cluster for the run, a fresh database for every server a test starts (tests/e2e/server.js).
const reliability = require('./jest.reliability.config');

const sqliteOnly = [
  // about the SQLite file itself: its backup and restore (PostgreSQL's: tests/integration/db/postgres-backup.test.ts),
  // its permissions, and copying it into PostgreSQL
  'backup',
  'file-modes',
  'db-copy-pages',
  // settings refused before any database is opened
  'invalid-settings',
].map((name) => `<rootDir>/tests/reliability/${name}\\.test\\.ts$`);

module.exports = async () => {
  const resolved = await reliability();
  return {
    ...resolved,
    testPathIgnorePatterns: [...(resolved.testPathIgnorePatterns ?? []).filter((pattern) => !reliability.postgresOnly.includes(pattern)), ...sqliteOnly],
    globalSetup: '<rootDir>/tests/reliability/support/postgres-global-setup.ts',
    globalTeardown: '<rootDir>/tests/helpers/postgres-suite/global-teardown.ts',
  };
};
