/**
 * The validated environment: the only module of the app that reads process.env, apart from the database
 * layer's own DATABASE_URL (db/database-file.ts, by the same rules). The rules live in
 * server/env-schema.js, which the production server (server/index.js) checks before it listens.
 */
import { databaseEngine, databaseFilePath } from '@/db/database-file';
import { describeTarget } from '@/db/postgres-errors';
import { dataDirOf, readEnv } from '@/server/env-schema';

const parsed = readEnv(process.env);
if (!parsed.ok) {
  throw new Error(`Invalid environment: ${parsed.problems.join(' ')}`);
}

const data = parsed.env;
const databasePath = databaseEngine(data.DATABASE_URL) === 'sqlite' ? databaseFilePath(data.DATABASE_URL) : null;

export const env = {
  ...data,
  /** Absolute path of the SQLite file named by DATABASE_URL; null on PostgreSQL. */
  databasePath,
  /** The database as logs may name it: the SQLite file, or user@host:port/database (never a password). */
  databaseName: databasePath ?? describeTarget(data.DATABASE_URL),
  /** Folder for the files the server keeps (uploads, the generated auth secret, backups; the SQLite file by default). */
  dataDir: dataDirOf(data),
  /** Public origin used in links and metadata, without a trailing slash. */
  siteUrl: (data.SITE_URL ?? `http://localhost:${data.PORT}`).replace(/\/+$/, ''),
  internalUrl: (data.INTERNAL_URL ?? `http://127.0.0.1:${data.PORT}`).replace(/\/+$/, ''),
  adminEmails: new Set(
    data.ADMIN_EMAILS.split(',')
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  ),
  github: data.AUTH_GITHUB_ID && data.AUTH_GITHUB_SECRET ? { clientId: data.AUTH_GITHUB_ID, clientSecret: data.AUTH_GITHUB_SECRET } : null,
  google: data.AUTH_GOOGLE_ID && data.AUTH_GOOGLE_SECRET ? { clientId: data.AUTH_GOOGLE_ID, clientSecret: data.AUTH_GOOGLE_SECRET } : null,
};
