/**
 * `npm run test:e2e:postgres`: one throwaway PostgreSQL cluster for the run; every server the browser tests
 * start gets a fresh database in it (tests/e2e/server.js), the suite's shared server included.
 */
import { startRunCluster } from '../helpers/postgres';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const startSharedServer = require('./global-setup') as () => Promise<void>;

export default async function startClusterAndServer(): Promise<void> {
  // Its HEARTH_TEST_POSTGRES is read by tests/e2e/server.js, here and in the workers jest starts after this.
  await startRunCluster();
  await startSharedServer();
  // Proof the run is on PostgreSQL: the server names the database it uses (a file path on SQLite).
  const output = (globalThis as { __HEARTH_SERVER__?: { output(): string } }).__HEARTH_SERVER__?.output() ?? '';
  if (!/database ready at hearth@127\.0\.0\.1:\d+\/e2e_/.test(output)) throw new Error(`the shared server is not on the run's PostgreSQL cluster:\n${output}`);
}
