/**
 * The few SQL fragments SQLite and PostgreSQL spell differently, each chosen by the engine DATABASE_URL names.
 * Everything else in db/queries is written once with Drizzle's builders, which both engines share; search has
 * its own pair of modules (db/queries/search-sqlite.ts, search-postgres.ts).
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { databaseEngine } from './database-file';

const onPostgres = () => databaseEngine() === 'postgres';

/**
 * "`column` contains this text", letter case ignored, with the text's own %, _ and \ taken literally. A JSON
 * column is searched as its text on both engines.
 */
export function containsText(column: SQLWrapper, text: string): SQL {
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return onPostgres() ? sql`(${column})::text ilike ${pattern} escape '\\'` : sql`${column} like ${pattern} escape '\\'`;
}

/** "`column` contains this text", exactly as written (letter case counts). */
export const containsExactly = (column: SQLWrapper, text: string): SQL => (onPostgres() ? sql`strpos(${column}, ${text}) > 0` : sql`instr(${column}, ${text}) > 0`);

/** The UTC day of a time column, as YYYY-MM-DD. */
export const utcDay = (column: SQLWrapper): SQL<string> => (onPostgres() ? sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')` : sql<string>`date(${column} / 1000, 'unixepoch')`);

/** The whole number stored under `key` in a JSON column, or null. */
export const jsonNumber = (column: SQLWrapper, key: string): SQL<number | null> =>
  onPostgres() ? sql<number | null>`(${column} ->> ${key})::int` : sql<number | null>`json_extract(${column}, ${`$.${key}`})`;

/** "`column` holds a character outside 0-9 and a-f" (not a lower-case hex digest). */
export const hasNonHexCharacter = (column: SQLWrapper): SQL => (onPostgres() ? sql`${column} ~ '[^0-9a-f]'` : sql`${column} GLOB '*[^0-9a-f]*'`);

/**
 * Whether `error` is a unique index refusing a row: SQLite's code on the error itself; PostgreSQL's 23505 on the
 * driver error Drizzle keeps as the cause.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (e: unknown) => (typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined);
  const cause = typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined;
  return code(error) === 'SQLITE_CONSTRAINT_UNIQUE' || code(error) === '23505' || code(cause) === '23505' || code(cause) === 'SQLITE_CONSTRAINT_UNIQUE';
}
