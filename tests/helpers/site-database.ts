/**
 * A test's own handle on a running site's database, on either engine, for setting up and checking rows around
 * what a person does through the app. SQL is written once for both: `?` placeholders, Dates for times and
 * booleans for flags as values; and rows come back in SQLite's shapes on both (times as milliseconds, flags as
 * 0/1), so one expectation holds on either. Write SQL both engines accept: `NOT flag` rather than `flag = 0`,
 * `CAST(count(*) AS INTEGER)` (PostgreSQL's count is a bigint, which node-postgres returns as a string).
 */
import Database from 'better-sqlite3';
import { Pool } from 'pg';

export type SiteDatabase = {
  engine: 'sqlite' | 'postgres';
  /** Every table, quoted to select from: SQLite's catalogue, or every schema of PostgreSQL's but the system's (migrations' bookkeeping included). */
  tables(): Promise<string[]>;
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The first row, or undefined. */
  get<T>(sql: string, params?: unknown[]): Promise<T | undefined>;
  run(sql: string, params?: unknown[]): Promise<void>;
  /** Makes every other writer wait for `ms` (readers go on), so processes that start writing meanwhile all go at once when it ends. */
  holdWrites(ms: number): Promise<void>;
  close(): Promise<void>;
};

/** SQLite stores Hearth's times as milliseconds and booleans as 0/1. */
export const sqliteValue = (value: unknown): unknown => (value instanceof Date ? value.getTime() : typeof value === 'boolean' ? Number(value) : value);

function sqliteHandle(file: string): SiteDatabase {
  const db = new Database(file);
  db.pragma('busy_timeout = 10000');
  const all = async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params.map(sqliteValue)) as T[];
  return {
    engine: 'sqlite',
    tables: async () => (await all<{ name: string }>(`SELECT '"' || name || '"' AS name FROM sqlite_master WHERE type = 'table'`)).map((t) => t.name),
    all,
    get: async <T>(sql: string, params: unknown[] = []) => (await all<T>(sql, params))[0],
    run: async (sql, params = []) => void db.prepare(sql).run(...params.map(sqliteValue)),
    async holdWrites(ms) {
      // SQLite has one write lock for the whole file: an immediate transaction takes it.
      db.exec('BEGIN IMMEDIATE');
      try {
        await new Promise((r) => setTimeout(r, ms));
      } finally {
        db.exec('COMMIT');
      }
    },
    close: async () => void db.close(),
  };
}

/** `?` placeholders numbered the way PostgreSQL wants them ($1, $2, …); test SQL has no `?` inside strings. */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** A PostgreSQL row in SQLite's shape: node-postgres gives times as Dates and flags as booleans. */
const sqliteShapedRow = <T>(row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, sqliteValue(value)])) as T;

function postgresHandle(url: string): SiteDatabase {
  const pool = new Pool({ connectionString: url, max: 2 });
  const all = async <T>(sql: string, params: unknown[] = []) => (await pool.query(numbered(sql), params)).rows.map((row: Record<string, unknown>) => sqliteShapedRow<T>(row));
  return {
    engine: 'postgres',
    tables: async () =>
      (
        await all<{ name: string }>(
          "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')",
        )
      ).map((t) => t.name),
    all,
    get: async <T>(sql: string, params: unknown[] = []) => (await all<T>(sql, params))[0],
    run: async (sql, params = []) => void (await pool.query(numbered(sql), params)),
    async holdWrites(ms) {
      // PostgreSQL locks per table: EXCLUSIVE mode on all of Hearth's lets reads through and makes writes and
      // SELECT … FOR UPDATE wait.
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ name: string }>("SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public'");
        await client.query(`LOCK TABLE ${rows.map((row) => row.name).join(', ')} IN EXCLUSIVE MODE`);
        await new Promise((r) => setTimeout(r, ms));
        await client.query('COMMIT');
        client.release();
      } catch (error) {
        // A client left inside a failed transaction must not go back to the pool.
        client.release(error as Error);
        throw error;
      }
    },
    close: () => pool.end(),
  };
}

/** A handle on the database a server runs on, from its DATABASE_URL (`file:…` or `postgres://…`). */
export const openSiteDatabase = (databaseUrl: string): SiteDatabase => (databaseUrl.startsWith('file:') ? sqliteHandle(databaseUrl.slice('file:'.length)) : postgresHandle(databaseUrl));
