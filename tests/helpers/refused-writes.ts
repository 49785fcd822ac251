/**
 * Makes the test database refuse one kind of write with a given message, the way a full disk or a broken
 * table would, so a test can prove a rule writes all or nothing. A trigger on either engine; stop() drops it.
 */
import { sql } from 'drizzle-orm';
import { getDb, writingDb } from '@/db/index';
import { databaseEngine } from '@/db/database-file';
import type { PostgresDb } from '@/db/postgres';

type Refusal = { table: string; event: 'INSERT' | 'UPDATE' | 'DELETE'; message: string; when?: string };

/** Schema changes go through the writing connection on SQLite: the reading one refuses writes. */
async function exec(statement: string): Promise<void> {
  if (databaseEngine() === 'postgres') await (getDb() as unknown as PostgresDb).execute(sql.raw(statement));
  else writingDb().$client.exec(statement);
}

const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** `when` is a condition on NEW or OLD written the same way on both engines, e.g. `NEW.from_path = '/x'`. */
export async function refuseWrites({ table, event, message, when }: Refusal): Promise<{ stop: () => Promise<void> }> {
  const name = `refuse_${table}_${event.toLowerCase()}`;
  if (databaseEngine() === 'postgres') {
    await exec(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION ${quoted(message)}; END $$`);
    await exec(`CREATE TRIGGER ${name} BEFORE ${event} ON ${table} FOR EACH ROW ${when ? `WHEN (${when})` : ''} EXECUTE FUNCTION ${name}()`);
    return { stop: () => exec(`DROP TRIGGER IF EXISTS ${name} ON ${table}; DROP FUNCTION IF EXISTS ${name}()`) };
  }
  await exec(`CREATE TRIGGER ${name} BEFORE ${event} ON ${table} ${when ? `WHEN ${when}` : ''} BEGIN SELECT RAISE(ABORT, ${quoted(message)}); END`);
  return { stop: () => exec(`DROP TRIGGER IF EXISTS ${name}`) };
}
