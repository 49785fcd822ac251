// The browser journeys and HTTP checks again, on PostgreSQL (`npm run test:e2e:postgres`, after a build): one
// throwaway cluster for the run, a fresh database for every server a test starts (tests/e2e/server.js).
const e2e = require('./jest.e2e.config');

// These read or write the server's SQLite file directly to set up or check their rows (or, for
// postgres-site.test.ts, bring their own cluster): they run in the SQLite run only.
const sqliteFileTests = [
  'html-validity',
  'member-data',
  'postgres-site',
  'sign-in-security',
  'sign-in',
  'site-identity',
].map((name) => `<rootDir>/tests/e2e/${name}\\.test\\.ts$`);

module.exports = async () => {
  const resolved = await e2e();
  return {
    ...resolved,
    testPathIgnorePatterns: [...(resolved.testPathIgnorePatterns ?? []), ...sqliteFileTests],
    globalSetup: '<rootDir>/tests/e2e/postgres-global-setup.ts',
    globalTeardown: '<rootDir>/tests/e2e/postgres-global-teardown.ts',
  };
};
