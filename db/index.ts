/**
 * Opens the SQLite database once per process, sets its pragmas and applies the committed
 * migrations. Opening is lazy so that `next build` never touches a database.
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { databaseFilePath } from './database-file';
import { keepCompiledStatements } from './compiled-statements';
import { OWNER_DIR_MODE, OWNER_FILE_MODE } from './file-modes';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle inside db.transaction(…): pass it to queries that must commit together. */
export type Transaction = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Raised when the database file cannot be opened, written or migrated. */
export class DatabaseOpenError extends Error {
  constructor(filePath: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Cannot open the database at ${filePath}: ${reason}. Check that the folder exists or can be created and is writable, or set DATABASE_URL=file:<path>.`);
    this.name = 'DatabaseOpenError';
  }
}

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export function openDatabase(filePath: string): Db {
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
    migrate(db, { migrationsFolder });
    return db;
  } catch (error) {
    throw new DatabaseOpenError(filePath, error);
  }
}

let instance: Db | undefined;

/** The process-wide database named by DATABASE_URL. */
export function getDb(): Db {
  instance ??= openDatabase(databaseFilePath());
  return instance;
}
