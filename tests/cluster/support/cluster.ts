/**
 * Hearth as several instances, the way the README's "More than one server" deploys it, all on 127.0.0.1:
 * a throwaway PostgreSQL, a throwaway Redis, a real SMTP server, three instances of the one build on the one
 * database (same AUTH_SECRET, REDIS_URL, UPLOADS_DIR; each its own data folder), and the shipped nginx in
 * front of all three (deploy/nginx/hearth.conf, rendered by tests/helpers/nginx.ts). SITE_URL is nginx's
 * address, and nginx is the instances' only trusted proxy. `stop()` stops whatever was started, also after a
 * start that failed halfway.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMailCatcher, type MailCatcher } from '../../helpers/mail-catcher';
import { ensureNginx, startNginx, type RunningNginx } from '../../helpers/nginx';
import { startPostgres, type PostgresCluster } from '../../helpers/postgres';
import { startRedis, type RedisServer } from '../../helpers/redis';
import { openSiteDatabase, type SiteDatabase } from '../../helpers/site-database';
import { freePort, startServer, type App } from '../../reliability/support/app';

export type Cluster = {
  postgres: PostgresCluster;
  redis: RedisServer;
  mail: MailCatcher;
  /** A, B and C, in nginx's upstream order. */
  instances: App[];
  proxy: RunningNginx;
  /** nginx's address: the SITE_URL every instance has. */
  site: string;
  db: SiteDatabase;
  stop(): Promise<void>;
};

/** The test's own temporary folder, removed on stop. */
function temporaryFolder(name: string, stoppers: (() => Promise<void>)[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hearth-cluster-${name}-`));
  stoppers.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function startCluster(): Promise<Cluster> {
  const nginx = ensureNginx();
  if ('unavailable' in nginx) throw new Error(`the cluster test needs nginx: ${nginx.unavailable}`);
  // Stopped last-started first.
  const stoppers: (() => Promise<void>)[] = [];
  const stop = async () => {
    const failures: unknown[] = [];
    for (const stopOne of stoppers.splice(0).reverse()) await stopOne().catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw new AggregateError(failures, 'stopping the cluster failed');
  };
  try {
    const postgres = await startPostgres();
    stoppers.push(postgres.stop);
    const redis = await startRedis();
    stoppers.push(redis.stop);
    const mail = await startMailCatcher();
    stoppers.push(mail.close);

    const proxyPort = await freePort();
    const site = `http://localhost:${proxyPort}`;
    const shared = {
      DATABASE_URL: postgres.url,
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      REDIS_URL: redis.url,
      UPLOADS_DIR: temporaryFolder('uploads', stoppers),
      SITE_URL: site,
      TRUSTED_PROXIES: '127.0.0.1',
      EMAIL_SERVER: mail.url,
      MAIL_WORKER: 'inline',
      MAIL_PER_SECOND: '50',
    };
    const startInstance = async (name: string) => {
      const app = await startServer({ env: { ...shared, DATA_DIR: temporaryFolder(`data-${name}`, stoppers) } });
      stoppers.push(app.stop);
      return app;
    };
    // A migrates and seeds the empty database; B and C then start on it together.
    const a = await startInstance('a');
    const others = await Promise.all(['b', 'c'].map(startInstance));
    const instances = [a, ...others];

    const proxy = await startNginx(
      nginx.binary,
      instances.map((instance) => instance.port),
      { port: proxyPort },
    );
    stoppers.push(proxy.stop);
    const db = openSiteDatabase(postgres.url);
    stoppers.push(db.close);
    return { postgres, redis, mail, instances, proxy, site, db, stop };
  } catch (error) {
    await stop().catch((stopError: unknown) => console.error('[cluster] stopping after a failed start:', stopError));
    throw error;
  }
}
