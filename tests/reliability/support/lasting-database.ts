/**
 * A database of the run's engine that outlives any one server on it, for tests that fill it before the server
 * starts or restart a server on it: a SQLite file in `dir`, or on `npm run test:reliability:postgres` a fresh
 * database in the run's cluster (tests/e2e/server.js drops its own databases when a server stops, so it cannot
 * give these).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';

export type LastingDatabase = {
  /** The DATABASE_URL that names it, for the seeding script and the test's own handle. */
  url: string;
  /** startServer's options for a server on it, with extra environment. */
  serverOptions(env?: Record<string, string>): { databaseFile?: string; env: Record<string, string> };
  /** Drops a PostgreSQL database (the SQLite file goes with `dir`); call it after every server on it stopped. */
  drop(): Promise<void>;
};

async function asClusterAdmin(adminUrl: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export async function createLastingDatabase(dir: string): Promise<LastingDatabase> {
  if (!process.env.HEARTH_TEST_POSTGRES) {
    const databaseFile = path.join(dir, 'hearth.db');
    return { url: `file:${databaseFile}`, serverOptions: (env = {}) => ({ databaseFile, env }), drop: async () => {} };
  }
  const { url, adminUrl } = JSON.parse(process.env.HEARTH_TEST_POSTGRES) as { url: string; adminUrl: string };
  const name = `lasting_${process.pid}_${randomBytes(4).toString('hex')}`;
  await asClusterAdmin(adminUrl, `CREATE DATABASE ${name} OWNER hearth`);
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  return {
    url: databaseUrl.toString(),
    serverOptions: (env = {}) => ({ env: { DATABASE_URL: databaseUrl.toString(), DATA_DIR: dir, ...env } }),
    drop: () => asClusterAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
