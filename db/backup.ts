/**
 * Whole-file copies of the SQLite database: a consistent backup taken while the server writes (SQLite's
 * online backup API), the checks a file must pass before it may replace the live one, and whether any
 * process still has the live file open.
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { OWNER_DIR_MODE, OWNER_FILE_MODE } from './file-modes';

/** All pages in one step: one read transaction, so the copy is one snapshot even while others write (WAL). */
const ALL_PAGES = 0x7fffffff;

export async function backupDatabase(sourceFile: string, targetFile: string): Promise<void> {
  if (fs.existsSync(targetFile)) throw new Error(`${targetFile} already exists; choose a new file name.`);
  fs.mkdirSync(path.dirname(targetFile), { recursive: true, mode: OWNER_DIR_MODE });
  // Owner-only from the start (SQLite keeps an existing file's mode, and gives its journal the same one).
  fs.closeSync(fs.openSync(targetFile, 'wx', OWNER_FILE_MODE));
  const source = new Database(sourceFile, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(targetFile, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  // The copy inherits WAL mode; as a rollback-journal file it is one self-contained file to move around.
  const copy = new Database(targetFile, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

export type FileCheck = { ok: true } | { ok: false; problem: string };

/** A file fit to be the live database: SQLite, intact, and carrying Hearth's migrations. */
export function checkDatabaseFile(file: string): FileCheck {
  if (!fs.existsSync(file)) return { ok: false, problem: `${file} does not exist.` };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    if (integrity !== 'ok') return { ok: false, problem: `integrity_check failed: ${integrity}` };
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    if (!tables.has('__drizzle_migrations') || !tables.has('posts')) return { ok: false, problem: `${file} is not a Hearth database.` };
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: `${file} cannot be read as SQLite: ${(error as Error).message}` };
  } finally {
    db?.close();
  }
}

/** PIDs of processes holding the file (or its -wal/-shm) open, read from /proc; null where there is no /proc. */
export function processesUsing(file: string): number[] | null {
  if (!fs.existsSync('/proc/self/fd')) return null;
  const names = new Set([file, `${file}-wal`, `${file}-shm`].map((f) => path.resolve(f)));
  const pids: number[] = [];
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)) {
    try {
      if (fs.readdirSync(`/proc/${pid}/fd`).some((fd) => names.has(safeReadlink(`/proc/${pid}/fd/${fd}`)))) pids.push(Number(pid));
    } catch {
      // The process ended, or its descriptors are not ours to read.
    }
  }
  return pids;
}

const safeReadlink = (link: string) => {
  try {
    return fs.readlinkSync(link);
  } catch {
    return '';
  }
};
