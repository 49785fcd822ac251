// One server with a fresh, seeded database for the whole browser suite.
const fs = require('node:fs');
const path = require('node:path');
const { startServer } = require('./server');

module.exports = async function globalSetup() {
  if (!fs.existsSync(path.join(__dirname, '..', '..', '.next', 'BUILD_ID'))) {
    throw new Error('No build found: run `npm run test:e2e`, which builds the app first.');
  }
  const server = await startServer();
  globalThis.__HEARTH_SERVER__ = server;
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_DATABASE_URL = server.databaseUrl;
};
