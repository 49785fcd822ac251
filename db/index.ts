/**
 * Opens the SQLite database once per process, sets its pragmas and applies the committed
 * migrations. Opening is lazy so that `next build` never touches a database.
 *
 * Two connections: reads outside a transaction use one (which refuses writes), and every
 * withTransaction(…) runs on the other, one at a time (db/transaction.ts). A read on the writing connection
 * would see another request's uncommitted rows while that transaction waits at an await.
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { databaseEngine, databaseFilePath } from './database-file';
import { keepCompiledStatements } from './compiled-statements';
import { OWNER_DIR_MODE, OWNER_FILE_MODE } from './file-modes';
import { migratePostgres, openPostgres, type PostgresDb } from './postgres';
import { ambientTransaction } from './ambient-transaction';
import * as schema from './schema-sqlite';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Raised when the database file cannot be opened, written or migrated. */
export class DatabaseOpenError extends Error {
  constructor(filePath: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Cannot open the database at ${filePath}: ${reason}. Check that the folder exists or can be created and is writable, or set DATABASE_URL=file:<path>.`);
    this.name = 'DatabaseOpenError';
  }
}

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/**
 * `readOnly`: after the migrations, the connection refuses every write (PRAGMA query_only). The reading connection
 * is opened so: every write goes through withTransaction(…), so one that reaches the reading connection is a
 * mistake, and it fails at once with SQLite's "attempt to write a readonly database" instead of waiting on the
 * writing connection's lock.
 */
export function openDatabase(filePath: string, { migrations = true, readOnly = false } = {}): Db {
  try {
    fs.mkdirSync(path.dirname(filePath), { recursive: true, mode: OWNER_DIR_MODE });
    // Created owner-only before SQLite sees it: SQLite gives the -wal and -shm it creates the database file's mode.
    fs.closeSync(fs.openSync(filePath, 'a', OWNER_FILE_MODE));
    const sqlite = new Database(filePath);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // Prove the file is writable now rather than on a reader's first comment.
    sqlite.exec('BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS _hearth_write_check (x); DROP TABLE _hearth_write_check; COMMIT;');
    keepCompiledStatements(sqlite);
    const db = drizzle(sqlite, { schema });
    if (migrations) migrate(db, { migrationsFolder });
    if (readOnly) sqlite.pragma('query_only = ON');
    return db;
  } catch (error) {
    throw new DatabaseOpenError(filePath, error);
  }
}

let reading: Db | undefined;
let writing: Db | undefined;
let postgres: PostgresDb | undefined;

function readingDb(): Db {
  reading ??= openDatabase(databaseFilePath(), { readOnly: true });
  return reading;
}

/** The pool DATABASE_URL=postgres://… names, opened on first use. */
export function postgresDb(): PostgresDb {
  postgres ??= openPostgres(process.env.DATABASE_URL!);
  return postgres;
}

/**
 * The process-wide database named by DATABASE_URL, or the transaction this call runs inside. Typed as SQLite's
 * on both engines: query code awaits Drizzle's builders, which both engines share.
 */
export function getDb(): Db {
  const inside = ambientTransaction.getStore() as Db | undefined;
  if (inside) return inside;
  return databaseEngine() === 'postgres' ? (postgresDb() as unknown as Db) : readingDb();
}

/** The connection withTransaction(…) writes on; opened after the reading one has applied the migrations. */
export function writingDb(): Db {
  readingDb();
  writing ??= openDatabase(databaseFilePath(), { migrations: false });
  return writing;
}

/**
 * Opens the database and applies the migrations before the first request. SQLite does it on first use too;
 * PostgreSQL needs this await (the server's start-up and scripts call it).
 */
export async function prepareDatabase(): Promise<void> {
  if (databaseEngine() === 'postgres') await migratePostgres(postgresDb(), process.env.DATABASE_URL!);
  else readingDb();
}

/** Closes this process's connections: scripts and test files end with it (the server never needs to). */
export async function closeDatabase(): Promise<void> {
  const pool = postgres?.$client;
  postgres = undefined;
  await pool?.end();
  for (const db of [reading, writing]) db?.$client.close();
  reading = writing = undefined;
}
