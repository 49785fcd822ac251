/**
 * Which SQLite file this process opens: DATABASE_URL ("file:<path>", relative to the working folder) as an
 * absolute path. The database layer reads this one setting itself, by the shared rules in
 * server/env-schema.js, because every query opens the database through getDb() whoever called it (a page,
 * a script, a test), and db/ imports nothing from lib/. lib/env.ts shows the same value as env.databasePath.
 */
import 'server-only';
import path from 'node:path';
import { readEnv } from '@/server/env-schema';

/** `url` defaults to this process's DATABASE_URL; `npm run db:copy -- --from file:<path>` passes its own. */
export function databaseFilePath(url = process.env.DATABASE_URL): string {
  const read = readEnv({ DATABASE_URL: url });
  if (!read.ok) throw new Error(`Invalid environment: ${read.problems.join(' ')}`);
  return path.resolve(read.env.DATABASE_URL.slice('file:'.length));
}
