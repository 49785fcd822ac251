// The suite runs against the built app; it never builds (CI builds once for the browser tests first).
const fs = require('node:fs');
const path = require('node:path');

module.exports = async function requireBuild() {
  if (!fs.existsSync(path.join(__dirname, '..', '..', '..', '.next', 'BUILD_ID'))) {
    throw new Error('No build found: run `npx next build` (or `npm run test:e2e`) before `npm run test:reliability`.');
  }
};
