/**
 * `npm run restore <backup>`: puts a backup (a folder from `npm run backup`, or a database file from an older
 * Hearth, or a .pgdump file) in place of the database, the uploads (UPLOADS_DIR, or the data folder's) and the auth secret. On PostgreSQL
 * the dump replaces the database's contents in one transaction, refused while other connections use it. Refuses a database that fails
 * integrity_check or is not Hearth's, and refuses while any process (the server, the mail worker) has the live
 * database open. Everything it replaces is kept beside it as `<name>.replaced-<UTC time>`.
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, checkDatabaseFile, processesUsing } from '@/db/backup';
import { checkDumpFile, otherSessions, restorePostgres } from '@/db/postgres-dump';
import { OWNER_DIR_MODE } from '@/db/file-modes';
import { dataPaths, tightenDataFolder } from '@/lib/data-folder';
import { env } from '@/lib/env';
import { backupLayout, fileStamp } from './layout';

/** A reason not to restore, said to the operator as it is. */
export class RestoreRefused extends Error {}

function refuseWhileRunning(target: string) {
  const users = processesUsing(target);
  if (users === null && fs.existsSync(`${target}-wal`)) throw new RestoreRefused(`Not restoring: ${target}-wal exists, so the server may be running. Stop it first.`);
  if (users && users.length > 0) throw new RestoreRefused(`Not restoring: ${target} is open in process ${users.join(', ')} (the server or the mail worker). Stop it first.`);
}

/** Moves `live` (and the files beside it named `live` + suffix) out of the way; returns where it went, or null. */
function keepReplaced(live: string, stamp: string, suffixes = ['']): string | null {
  if (!fs.existsSync(live)) return null;
  const kept = `${live}.replaced-${stamp}`;
  for (const suffix of suffixes) if (fs.existsSync(live + suffix)) fs.renameSync(live + suffix, kept + suffix);
  return kept;
}

/**
 * The uploads folder is set aside by renaming it, which a mount point refuses (EBUSY): checked before anything
 * is replaced, so a refused restore changes nothing.
 */
function refuseUploadsMountPoint() {
  const { uploads } = dataPaths;
  if (!fs.existsSync(uploads) || fs.statSync(uploads).dev === fs.statSync(path.dirname(uploads)).dev) return;
  throw new RestoreRefused(
    `Not restoring: the uploads folder ${uploads} is a mount point, which cannot be set aside. Set UPLOADS_DIR to a folder inside the mounted volume (move the files there), then restore.`,
  );
}

/** Puts the SQLite file `sourceDatabase` in place of the live one; says what it did. */
async function restoreSqlite(sourceDatabase: string, target: string, stamp: string): Promise<string> {
  if (sourceDatabase === target) throw new RestoreRefused('That file is the live database itself.');
  const check = checkDatabaseFile(sourceDatabase);
  if (!check.ok) throw new RestoreRefused(`Not restoring: ${check.problem}`);
  refuseWhileRunning(target);
  fs.mkdirSync(dataPaths.folder, { recursive: true, mode: OWNER_DIR_MODE });
  // Copied beside the target first (through SQLite, so a -wal beside the source comes along), then swapped in by rename.
  const incoming = `${target}.restoring`;
  fs.rmSync(incoming, { force: true });
  await backupDatabase(sourceDatabase, incoming);
  const keptDatabase = keepReplaced(target, stamp, ['', '-wal', '-shm']);
  fs.renameSync(incoming, target);
  return `Restored the database to ${target}.${keptDatabase ? ` The replaced one is kept at ${keptDatabase}.` : ''}`;
}

/** Replaces the PostgreSQL database's contents with the dump's, in one transaction; says what it did. */
async function restorePostgresDump(dump: string): Promise<string> {
  const check = await checkDumpFile(dump);
  if (!check.ok) throw new RestoreRefused(`Not restoring: ${check.problem}`);
  const sessions = await otherSessions(env.DATABASE_URL);
  if (sessions > 0) throw new RestoreRefused(`Not restoring: ${sessions} other connection(s) use ${env.databaseName} (the servers or the mail worker). Stop them first.`);
  await restorePostgres(env.DATABASE_URL, dump);
  fs.mkdirSync(dataPaths.folder, { recursive: true, mode: OWNER_DIR_MODE });
  return `Restored the PostgreSQL database ${env.databaseName} from ${dump} (the data it held before is replaced; keep the backup you restored from).`;
}

export async function restoreBackup(source: string): Promise<string[]> {
  const isFolder = fs.statSync(source).isDirectory();
  const from = backupLayout(source);
  const dump = isFolder ? (fs.existsSync(from.postgresDump) ? from.postgresDump : null) : source.endsWith('.pgdump') ? source : null;
  const target = dataPaths.database;
  if (dump && target)
    throw new RestoreRefused('Not restoring: this backup is of a PostgreSQL database, and DATABASE_URL names a SQLite file. Set DATABASE_URL to the PostgreSQL database to restore into.');
  if (!dump && !target) {
    throw new RestoreRefused('Not restoring: this backup is of a SQLite database, and DATABASE_URL names a PostgreSQL server. Restore it onto SQLite, then move it with `npm run db:copy`.');
  }
  if (isFolder) refuseUploadsMountPoint();
  const stamp = fileStamp();
  const report = [dump ? await restorePostgresDump(dump) : await restoreSqlite(isFolder ? from.database : source, target!, stamp)];

  if (!isFolder) {
    report.push('This backup is a database file only: uploads and the auth secret were left as they are.');
  } else {
    const keptUploads = keepReplaced(dataPaths.uploads, stamp);
    if (fs.existsSync(from.uploads)) fs.cpSync(from.uploads, dataPaths.uploads, { recursive: true });
    report.push(`Restored the uploads to ${dataPaths.uploads}.${keptUploads ? ` The replaced folder is kept at ${keptUploads}.` : ''}`);
    if (fs.existsSync(from.authSecret)) {
      const keptSecret = keepReplaced(dataPaths.authSecret, stamp);
      fs.copyFileSync(from.authSecret, dataPaths.authSecret);
      report.push(`Restored the auth secret to ${dataPaths.authSecret}.${keptSecret ? ` The replaced one is kept at ${keptSecret}.` : ''}`);
      if (env.AUTH_SECRET) report.push('AUTH_SECRET is set in this environment and wins over the restored file: unset it to use the restored secret.');
    } else {
      report.push('The backup holds no auth secret (AUTH_SECRET came from the environment): start the server with the same AUTH_SECRET as before.');
    }
  }
  // Owner-only, as at start (a shared folder such as /tmp keeps its own mode; what Hearth put in it does not).
  tightenDataFolder();
  return report;
}
