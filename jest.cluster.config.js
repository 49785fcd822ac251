// Cluster suite (`npm run test:cluster`): three instances of the built app on one PostgreSQL database and one
// Redis, behind the shipped nginx (tests/cluster). Needs an existing build, like the reliability suite.
const nextJest = require('next/jest');

const createJestConfig = nextJest({ dir: __dirname });

module.exports = createJestConfig({
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/cluster'],
  globalSetup: '<rootDir>/tests/reliability/support/require-build.js',
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
  // Every wait inside is bounded; generous because the machine is shared.
  testTimeout: 120_000,
  maxWorkers: 1,
  forceExit: true,
});
