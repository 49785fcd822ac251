/** `npm run test:reliability:postgres`: the build must exist, and one throwaway PostgreSQL cluster serves the run. */
import { startRunCluster } from '../../helpers/postgres';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireBuild = require('./require-build') as () => Promise<void>;

export default async function startRun(): Promise<void> {
  await requireBuild();
  await startRunCluster();
}
