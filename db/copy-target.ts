/**
 * What Hearth demands of a PostgreSQL database before writing to it. The server migrates only its own database
 * or an empty one. `npm run db:copy` fills only a database with nothing in it but Hearth's own tables (an empty
 * database, or one Hearth migrated), none of them holding a row: it never overwrites.
 */
import 'server-only';
import type { ClientBase } from 'pg';

/** Tables the search migration makes (like posts_fts on SQLite), so not in the Drizzle schema. */
export const SEARCH_TABLES = ['posts_search'];

export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

type StoredTable = { schema: string; name: string };

/** Every table of the database, outside PostgreSQL's own schemas. */
async function listTables(client: ClientBase): Promise<StoredTable[]> {
  const { rows } = await client.query<StoredTable>(`
    SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    ORDER BY 1, 2`);
  return rows;
}

const MIGRATIONS_TABLE: StoredTable = { schema: 'drizzle', name: '__drizzle_migrations' };

/** The tables that are neither Hearth's nor its migration record, as schema.name. */
function foreignTables(rows: StoredTable[], hearthTables: string[]): string[] {
  const known = new Set([...hearthTables, ...SEARCH_TABLES]);
  return rows
    .filter((row) => !(row.schema === 'public' && known.has(row.name)) && !(row.schema === MIGRATIONS_TABLE.schema && row.name === MIGRATIONS_TABLE.name))
    .map((row) => `${row.schema}.${row.name}`);
}

const someOf = (names: string[]) => `${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`;

/**
 * Throws unless the database is Hearth's (it holds Hearth's migration record) or holds no tables of anyone
 * else's: the server never migrates into another application's database.
 */
export async function checkDatabaseIsHearths(client: ClientBase, hearthTables: string[]): Promise<void> {
  const rows = await listTables(client);
  if (rows.some((row) => row.schema === MIGRATIONS_TABLE.schema && row.name === MIGRATIONS_TABLE.name)) return;
  const foreign = foreignTables(rows, hearthTables);
  if (foreign.length > 0) {
    throw new Error(`The database holds tables that are not Hearth's (${someOf(foreign)}): give Hearth an empty database of its own.`);
  }
}

/** Throws, saying what is in the way, unless every table is Hearth's and empty. */
export async function checkTargetIsFree(client: ClientBase, hearthTables: string[]): Promise<void> {
  const rows = await listTables(client);
  const foreign = foreignTables(rows, hearthTables);
  if (foreign.length > 0) {
    throw new Error(`The target database holds tables that are not Hearth's (${someOf(foreign)}): db:copy only fills an empty database. Create a new one.`);
  }
  const filled: string[] = [];
  for (const { name } of rows.filter((row) => row.schema === 'public')) {
    const { rows: found } = await client.query(`SELECT 1 FROM ${quote(name)} LIMIT 1`);
    if (found.length > 0) filled.push(name);
  }
  if (filled.length > 0) throw new Error(`The target database already holds Hearth data (in ${filled.join(', ')}): db:copy never overwrites. Copy into a new, empty database.`);
}
