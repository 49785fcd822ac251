/**
 * `npm run restore <backup>`: puts a backup (a folder from `npm run backup`, or a database file from an older
 * Hearth) in place of the data folder's database, uploads and auth secret. Refuses a database that fails
 * integrity_check or is not Hearth's, and refuses while any process (the server, the mail worker) has the live
 * database open. Everything it replaces is kept beside it as `<name>.replaced-<UTC time>`.
 */
import 'server-only';
import fs from 'node:fs';
import { backupDatabase, checkDatabaseFile, processesUsing } from '@/db/backup';
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

export async function restoreBackup(source: string): Promise<string[]> {
  const isFolder = fs.statSync(source).isDirectory();
  const from = backupLayout(source);
  const sourceDatabase = isFolder ? from.database : source;
  const target = dataPaths.database;
  if (sourceDatabase === target) throw new RestoreRefused('That file is the live database itself.');
  const check = checkDatabaseFile(sourceDatabase);
  if (!check.ok) throw new RestoreRefused(`Not restoring: ${check.problem}`);
  refuseWhileRunning(target);

  fs.mkdirSync(dataPaths.folder, { recursive: true, mode: OWNER_DIR_MODE });
  const stamp = fileStamp();
  const report: string[] = [];
  // Copied beside the target first (through SQLite, so a -wal beside the source comes along), then swapped in by rename.
  const incoming = `${target}.restoring`;
  fs.rmSync(incoming, { force: true });
  await backupDatabase(sourceDatabase, incoming);
  const keptDatabase = keepReplaced(target, stamp, ['', '-wal', '-shm']);
  fs.renameSync(incoming, target);
  report.push(`Restored the database to ${target}.${keptDatabase ? ` The replaced one is kept at ${keptDatabase}.` : ''}`);

  if (!isFolder) {
    report.push('This backup is a database file only (from an older Hearth): uploads and the auth secret were left as they are.');
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
