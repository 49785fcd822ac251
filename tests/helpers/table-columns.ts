/** The column names a table has in the test database, in their order, read from the engine's own catalogue. */
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { databaseEngine } from '@/db/database-file';
import type { PostgresDb } from '@/db/postgres';

export async function tableColumns(table: string): Promise<string[]> {
  if (databaseEngine() === 'postgres') {
    const query = sql`select column_name as name from information_schema.columns where table_schema = 'public' and table_name = ${table} order by ordinal_position`;
    return (await (getDb() as unknown as PostgresDb).execute<{ name: string }>(query)).rows.map((c) => c.name);
  }
  return (getDb().$client.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}
