// Reliability suite (`npm run test:reliability`): load, crash, outage, hostile input, permissions and backups
// against the built app over real HTTP. Needs an existing build (CI runs it after `npm run test:e2e` built the app).
const nextJest = require('next/jest');

const createJestConfig = nextJest({ dir: __dirname });

// Tests about PostgreSQL itself: they run in `npm run test:reliability:postgres` only (its config takes them back).
const postgresOnly = [
  // waking a worker in another process through NOTIFY, and the worker's refusal to start without AUTH_SECRET
  'worker-on-postgres',
].map((name) => `<rootDir>/tests/reliability/${name}\\.test\\.ts$`);

module.exports = createJestConfig({
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/reliability'],
  testPathIgnorePatterns: postgresOnly,
  globalSetup: '<rootDir>/tests/reliability/support/require-build.js',
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
  // Each file starts its own servers; generous because the machine is shared, but every loop is bounded.
  testTimeout: 180_000,
  maxWorkers: 1,
  forceExit: true,
});
module.exports.postgresOnly = postgresOnly;
