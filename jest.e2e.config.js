// Browser journeys and HTTP checks against the built app (`npm run test:e2e` builds first).
const nextJest = require('next/jest');

const createJestConfig = nextJest({ dir: __dirname });

module.exports = createJestConfig({
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  globalSetup: '<rootDir>/tests/e2e/global-setup.js',
  globalTeardown: '<rootDir>/tests/e2e/global-teardown.js',
  testTimeout: 60_000,
  maxWorkers: 1,
  // Servers and browsers are stopped in afterAll hooks; do not let a stray keep-alive socket hold CI.
  forceExit: true,
});
