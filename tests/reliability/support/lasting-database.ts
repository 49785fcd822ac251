/**
 * A database of the run's engine that outlives any one server on it, for tests that fill it before the server
 * starts or restart a server on it: a SQLite file in `dir`, or on `npm run test:reliability:postgres` a fresh
 * database in the run's cluster (tests/e2e/server.js drops its own databases when a server stops, so it cannot
 * give these).
 */
import crypto from 'node:crypto';
import path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { clusterDatabase } = require('../../e2e/server') as {
  clusterDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> } | null>;
};

export type LastingDatabase = {
  /** The DATABASE_URL that names it, for the seeding script and the test's own handle. */
  url: string;
  /** startServer's options for a server on it, with extra environment. */
  serverOptions(env?: Record<string, string>): { databaseFile?: string; env: Record<string, string> };
  /** Drops a PostgreSQL database (the SQLite file goes with `dir`); call it after every server on it stopped. */
  drop(): Promise<void>;
};

export async function createLastingDatabase(dir: string): Promise<LastingDatabase> {
  const database = await clusterDatabase('lasting');
  if (!database) {
    const databaseFile = path.join(dir, 'hearth.db');
    return { url: `file:${databaseFile}`, serverOptions: (env = {}) => ({ databaseFile, env }), drop: async () => {} };
  }
  // One AUTH_SECRET for every server on it, as a PostgreSQL site requires: sessions and links outlive a restart.
  const AUTH_SECRET = crypto.randomBytes(32).toString('base64url');
  return { url: database.url, serverOptions: (env = {}) => ({ env: { DATABASE_URL: database.url, DATA_DIR: dir, AUTH_SECRET, ...env } }), drop: database.drop };
}
