/**
 * Hearth on PostgreSQL (DATABASE_URL=postgres://…): one connection pool per process, and the migrations applied
 * at start under an advisory lock, so instances starting together take turns and the later ones find nothing to do.
 */
import 'server-only';
import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Pool } from 'pg';
import { copyOrder } from './copy-order';
import { checkDatabaseIsHearths } from './copy-target';
import { connectionError } from './postgres-errors';
import * as schema from './schema-postgres';

/** Why the server cannot start on PostgreSQL (unreachable, refused, not Hearth's database): one line for the log. */
export class PostgresStartError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'PostgresStartError';
  }
}

export type PostgresDb = NodePgDatabase<typeof schema> & { $client: Pool };

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations-postgres');

export function openPostgres(url: string): PostgresDb {
  const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), connectionTimeoutMillis: 10_000 });
  // An idle connection the server dropped (a restart, a failover) must not end the process; the pool opens another.
  pool.on('error', (error) => console.error(`[hearth] a PostgreSQL connection failed while idle: ${error.message}`));
  return drizzle(pool, { schema });
}

/** Applies the migrations this version knows, after checking the database is Hearth's (or empty). */
export async function migratePostgres(db: PostgresDb, url: string): Promise<void> {
  const client = await db.$client.connect().catch((error: unknown) => {
    throw new PostgresStartError(connectionError(url, error));
  });
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('hearth migrations'))");
    try {
      await checkDatabaseIsHearths(
        client,
        copyOrder().map((step) => step.name),
      ).catch((error: unknown) => {
        throw new PostgresStartError(error);
      });
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('hearth migrations'))");
    }
  } finally {
    client.release();
  }
}
