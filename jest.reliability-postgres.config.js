// The concurrency guarantees of the reliability suite again, on PostgreSQL (`npm run test:reliability:postgres`):
// each race test file starts its own throwaway cluster and the built app on it (tests/reliability/support/site.ts).
// Needs an existing build, like `npm run test:reliability`.
const reliability = require('./jest.reliability.config');

// Read by tests/reliability/support/site.ts; jest's workers inherit it.
process.env.HEARTH_TEST_ENGINE = 'postgres';

module.exports = async () => ({ ...(await reliability()), testRegex: '-race\\.test\\.ts$' });
