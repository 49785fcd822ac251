/** Stops the suite's shared server, then the run's PostgreSQL cluster (tests/e2e/postgres-global-setup.ts). */
import { stopRunCluster } from '../helpers/postgres';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stopSharedServer = require('./global-teardown') as () => Promise<void>;

export default async function stopServerAndCluster(): Promise<void> {
  await stopSharedServer();
  await stopRunCluster();
}
