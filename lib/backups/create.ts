/**
 * `npm run backup`: one folder with the database (a SQLite copy, or a pg_dump on PostgreSQL), the uploads (from UPLOADS_DIR, or the data folder's) and
 * the auth secret, owner-only. The database is copied first, the uploads after it: an image is written before
 * its row, so every image the copied database names is already on disk when the uploads are copied. Built under `<target>.partial` and renamed
 * when complete, so a folder under the final name is always a whole backup.
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, checkDatabaseFile } from '@/db/backup';
import { checkDumpFile, dumpPostgres } from '@/db/postgres-dump';
import { makeOwnerOnly, OWNER_DIR_MODE, OWNER_FILE_MODE } from '@/db/file-modes';
import { dataPaths } from '@/lib/data-folder';
import { env } from '@/lib/env';
import { backupLayout, fileStamp } from './layout';

const ENVIRONMENT_NOTE =
  'AUTH_SECRET comes from the environment, so it is not in this backup. Keep a copy of it with your environment file: ' +
  'links already emailed (unsubscribe, manage, mute) only work with the same AUTH_SECRET.\n';

/** The default place: `<data folder>/backups/hearth-<UTC time>`. */
export const defaultBackupTarget = () => path.join(dataPaths.backups, `hearth-${fileStamp()}`);

/** Copies the database into the backup and checks the copy; says what was copied. */
async function backUpDatabase(into: ReturnType<typeof backupLayout>): Promise<string> {
  if (dataPaths.database) {
    await backupDatabase(dataPaths.database, into.database);
    const check = checkDatabaseFile(into.database);
    if (!check.ok) throw new Error(`the database copy failed its check: ${check.problem}`);
    return `${dataPaths.database} (integrity_check ok)`;
  }
  await dumpPostgres(env.DATABASE_URL, into.postgresDump);
  const check = await checkDumpFile(into.postgresDump);
  if (!check.ok) throw new Error(`the database dump failed its check: ${check.problem}`);
  return `the PostgreSQL database ${env.databaseName} (pg_dump, checked with pg_restore --list)`;
}

export async function createBackup(target: string): Promise<string> {
  if (fs.existsSync(target)) throw new Error(`${target} already exists; choose a new name.`);
  const partial = `${target}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true, mode: OWNER_DIR_MODE });
  try {
    const into = backupLayout(partial);
    const database = await backUpDatabase(into);
    fs.mkdirSync(into.uploads, { mode: OWNER_DIR_MODE });
    if (fs.existsSync(dataPaths.uploads)) {
      // Neither half-written images nor the files of an import under way (a whole WordPress export) are site data yet.
      fs.cpSync(dataPaths.uploads, into.uploads, { recursive: true, filter: (source) => !source.endsWith('.partial') && source !== dataPaths.imports });
    }
    let secret = 'the generated auth secret';
    if (env.AUTH_SECRET) {
      fs.writeFileSync(into.secretNote, ENVIRONMENT_NOTE, { mode: OWNER_FILE_MODE });
      secret = 'a note that AUTH_SECRET comes from the environment';
    } else if (fs.existsSync(dataPaths.authSecret)) {
      fs.copyFileSync(dataPaths.authSecret, into.authSecret);
    } else {
      secret = 'no auth secret (none was generated yet)';
    }
    makeOwnerOnly(partial);
    fs.renameSync(partial, target);
    const images = fs.readdirSync(backupLayout(target).uploads).length;
    return `Backed up ${database}, ${images} uploaded file(s) from ${dataPaths.uploads} and ${secret} to ${target} (owner-only).`;
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}
