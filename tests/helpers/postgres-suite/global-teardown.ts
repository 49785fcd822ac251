/** Stops the run's PostgreSQL cluster (tests/helpers/postgres-suite/global-setup.ts) and deletes its folder. */
import type { PostgresCluster } from '../postgres';

export default async function stopSuiteCluster(): Promise<void> {
  await (globalThis as { hearthCluster?: PostgresCluster }).hearthCluster?.stop();
}
