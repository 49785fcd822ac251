/**
 * The cluster rows (issue 19): two instances from the one build behind the shipped nginx, sharing the benchmark's
 * PostgreSQL database, a Redis (REDIS_URL), the auth secret and an uploads folder as a real cluster does, measured
 * beside the PostgreSQL server alone behind its own nginx, in the same run. Both instances run on this machine:
 * the ratio says what sharing costs (the cache in Redis, invalidations heard by all), not what a second machine adds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startNginx, type RunningNginx } from '../tests/helpers/nginx';
import { REDIS_SERVER, startRedis } from '../tests/helpers/redis';
import { startServer, type AppServer } from './app-server';
import { startTogether } from './start-together';

/** The beginnings of the paired rows' names: the same target through one instance, and through two. */
export const ONE_INSTANCE = 'cluster: one instance, ';
export const TWO_INSTANCES = 'cluster: two instances, ';

/** Redis's server program, or why the cluster rows are skipped. */
export function findRedis(): { binary: string } | { unavailable: string } {
  return fs.existsSync(REDIS_SERVER) ? { binary: REDIS_SERVER } : { unavailable: `${REDIS_SERVER} is not installed (apt-get install -y redis-server)` };
}

export type Cluster = { single: RunningNginx; pair: RunningNginx; instances: AppServer[]; stop: () => Promise<void> };

/**
 * Starts Redis, two instances on `databaseUrl` (each with a data folder of its own under `dataDir`), nginx in front
 * of them, and another nginx in front of `single`, the PostgreSQL server already running. `env` is the site's
 * settings, AUTH_SECRET included: the same as `single`'s.
 */
export async function startCluster({
  nginxBinary,
  single,
  databaseUrl,
  dataDir,
  env,
}: {
  nginxBinary: string;
  single: AppServer;
  databaseUrl: string;
  dataDir: string;
  env: Record<string, string>;
}): Promise<Cluster> {
  return startTogether(async (onStop) => {
    const redis = await startRedis();
    onStop(redis.stop);
    const uploads = path.join(dataDir, 'shared-uploads');
    fs.mkdirSync(uploads, { recursive: true });
    const instances: AppServer[] = [];
    for (const name of ['instance-1', 'instance-2']) {
      const instance = await startServer({ env: { ...env, DATABASE_URL: databaseUrl, DATA_DIR: path.join(dataDir, name), UPLOADS_DIR: uploads, REDIS_URL: redis.url } });
      onStop(instance.stop);
      instances.push(instance);
    }
    const pair = await startNginx(
      nginxBinary,
      instances.map((instance) => instance.port),
    );
    onStop(pair.stop);
    const alone = await startNginx(nginxBinary, single.port);
    onStop(alone.stop);
    return { single: alone, pair, instances };
  });
}
