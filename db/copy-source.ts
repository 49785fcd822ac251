/**
 * The SQLite side of `npm run db:copy`: the site's database opened read-only, inside one read transaction so
 * every table is read from the same moment even while the site keeps writing (WAL), and only when it is a
 * Hearth database carrying every migration this version of the code knows (its columns are then the schema's).
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';

export type Source = { sqlite: Database.Database; close: () => void };

export function openSource(file: string): Source {
  if (!fs.existsSync(file)) throw new Error(`There is no SQLite database at ${file}.`);
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.exec('BEGIN');
    const hasMigrations = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
    if (!hasMigrations) throw new Error(`${file} is not a Hearth database (it has no migrations table).`);
    // The first read also fixes the snapshot every later read of this transaction sees.
    const applied = (sqlite.prepare('SELECT max(created_at) AS latest FROM __drizzle_migrations').get() as { latest: number | null }).latest ?? 0;
    const known = readMigrationFiles({ migrationsFolder: path.join(process.cwd(), 'db', 'migrations') }).at(-1)?.folderMillis ?? 0;
    if (applied < known) throw new Error(`${file} lacks migrations this version of Hearth has: start the site once (or run npm run db:migrate) on it, then copy again.`);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return {
    sqlite,
    close: () => {
      if (sqlite.inTransaction) sqlite.exec('COMMIT');
      sqlite.close();
    },
  };
}
