/**
 * What `npm run db:copy` demands of the PostgreSQL database it fills: nothing in it but Hearth's own tables
 * (an empty database, or one Hearth migrated), and none of those holding a row. It never overwrites.
 */
import 'server-only';
import type { ClientBase } from 'pg';

/** Tables the search migration makes (like posts_fts on SQLite), so not in the Drizzle schema. */
export const SEARCH_TABLES = ['posts_search'];

export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Throws, saying what is in the way, unless every table is Hearth's and empty. */
export async function checkTargetIsFree(client: ClientBase, hearthTables: string[]): Promise<void> {
  const known = new Set([...hearthTables, ...SEARCH_TABLES]);
  const { rows } = await client.query<{ schema: string; name: string }>(`
    SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    ORDER BY 1, 2`);
  const foreign = rows.filter((row) => !(row.schema === 'public' && known.has(row.name)) && !(row.schema === 'drizzle' && row.name === '__drizzle_migrations'));
  if (foreign.length > 0) {
    const names = foreign.map((row) => `${row.schema}.${row.name}`);
    throw new Error(
      `The target database holds tables that are not Hearth's (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}): db:copy only fills an empty database. Create a new one.`,
    );
  }
  const filled: string[] = [];
  for (const { name } of rows.filter((row) => row.schema === 'public')) {
    const { rows: found } = await client.query(`SELECT 1 FROM ${quote(name)} LIMIT 1`);
    if (found.length > 0) filled.push(name);
  }
  if (filled.length > 0) throw new Error(`The target database already holds Hearth data (in ${filled.join(', ')}): db:copy never overwrites. Copy into a new, empty database.`);
}
