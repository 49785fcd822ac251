// The browser journeys and HTTP checks again, on PostgreSQL (`npm run test:e2e:postgres`, after a build): one
// throwaway cluster for the run, a fresh database for every server a test starts (tests/e2e/server.js).
const e2e = require('./jest.e2e.config');

module.exports = async () => {
  const resolved = await e2e();
  return {
    ...resolved,
    // It brings its own cluster and starts its server on it: the SQLite run covers it.
    testPathIgnorePatterns: [...(resolved.testPathIgnorePatterns ?? []), '<rootDir>/tests/e2e/postgres-site\\.test\\.ts$'],
    globalSetup: '<rootDir>/tests/e2e/postgres-global-setup.ts',
    globalTeardown: '<rootDir>/tests/e2e/postgres-global-teardown.ts',
  };
};
