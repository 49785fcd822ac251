// The unit, component and integration tests again, on PostgreSQL: one throwaway cluster for the run, a fresh
// database per test file (tests/helpers/postgres-suite). `npm run test:postgres`.
const base = require('./jest.config');

module.exports = async () => ({
  ...(await base()),
  globalSetup: '<rootDir>/tests/helpers/postgres-suite/global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/postgres-suite/global-teardown.ts',
});
