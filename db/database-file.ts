/**
 * Which database this process opens: DATABASE_URL, a SQLite file ("file:<path>", relative to the working folder,
 * made absolute here) or a PostgreSQL server ("postgres://…"). The database layer reads this one setting itself, by the shared rules in
 * server/env-schema.js, because every query opens the database through getDb() whoever called it (a page,
 * a script, a test), and db/ imports nothing from lib/. lib/env.ts shows the same value as env.databasePath.
 */
import 'server-only';
import path from 'node:path';
import { readEnv } from '@/server/env-schema';

function checkedUrl(url: string | undefined): string {
  const read = readEnv({ DATABASE_URL: url });
  if (!read.ok) throw new Error(`Invalid environment: ${read.problems.join(' ')}`);
  return read.env.DATABASE_URL;
}

export type DatabaseEngine = 'sqlite' | 'postgres';

let known: { url: string | undefined; engine: DatabaseEngine } | undefined;

/**
 * Which engine DATABASE_URL names: a file: URL is SQLite, a postgres:// URL PostgreSQL. Every query asks, so the
 * answer is kept for as long as the URL stays the same.
 */
export function databaseEngine(url = process.env.DATABASE_URL): DatabaseEngine {
  if (!known || known.url !== url) known = { url, engine: checkedUrl(url).startsWith('file:') ? 'sqlite' : 'postgres' };
  return known.engine;
}

/** `url` defaults to this process's DATABASE_URL; `npm run db:copy -- --from file:<path>` passes its own. */
export function databaseFilePath(url = process.env.DATABASE_URL): string {
  const checked = checkedUrl(url);
  if (!checked.startsWith('file:')) throw new Error('DATABASE_URL names a PostgreSQL server, not a SQLite file.');
  return path.resolve(checked.slice('file:'.length));
}
