// Unit, component and integration tests (the browser journeys have jest.e2e.config.js).
const nextJest = require('next/jest');

const createJestConfig = nextJest({ dir: __dirname });

/** @type {import('jest').Config} */
const config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  // Browser journeys, the reliability suites and the cluster suite run against the built app with their own configs.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/', '<rootDir>/tests/reliability/', '<rootDir>/tests/cluster/'],
  setupFilesAfterEnv: ['<rootDir>/tests/helpers/jest-setup.ts'],
  // Typing into a form takes jsdom a few seconds on a busy shared machine; jest's 5 s made such tests flaky.
  testTimeout: 20_000,
  moduleNameMapper: {
    // 'server-only' throws outside Next's server bundle; in tests it is only a marker.
    '^server-only$': '<rootDir>/tests/helpers/server-only.js',
    '^@/(.*)$': '<rootDir>/$1',
  },
};

// ESM-only packages must be compiled for jest on Node 20; next/jest would skip all of node_modules.
const esmPackages = [
  'feed',
  'htmlparser2',
  'domhandler',
  'domutils',
  'dom-serializer',
  'entities',
  'domelementtype',
  'next-auth',
  '@auth',
  'jose',
  'oauth4webapi',
  'preact',
  'preact-render-to-string',
];

module.exports = async () => {
  const resolved = await createJestConfig(config)();
  resolved.transformIgnorePatterns = [`/node_modules/(?!(${esmPackages.join('|')})/)`, '^.+\\.module\\.(css|sass|scss)$'];
  return resolved;
};
