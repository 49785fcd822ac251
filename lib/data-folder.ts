/**
 * The data folder (DATA_DIR, by default the folder of DATABASE_URL's SQLite file) and what Hearth keeps in it, named in one place for the
 * server, uploads, the generated secret and backups. Uploads may live elsewhere (UPLOADS_DIR, a folder every server
 * of a site shares). At start every one of them is made owner-only, so an
 * install made before modes were set (0644 files in 0755 folders) is tightened, and the log says what changed.
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { makeOwnerOnly } from '@/db/file-modes';
import { authSecretFile } from '@/server/auth-secret';
import { uploadsDirOf } from '@/server/env-schema';
import { env } from './env';

/** The one name of the uploads folder: every read and write of an uploaded file goes through it. */
const uploads = uploadsDirOf(env);

export const dataPaths = {
  folder: env.dataDir,
  database: env.databasePath,
  uploads,
  /**
   * An admin import's files while it waits and runs. With the uploads, so on a shared UPLOADS_DIR every server
   * finds them: the export, its archive and the start may each reach a different server. Never backed up.
   */
  imports: path.join(uploads, 'imports'),
  authSecret: authSecretFile(env.dataDir),
  backups: path.join(env.dataDir, 'backups'),
};

/**
 * Names Hearth writes in the data folder, with the copies restore keeps (`hearth.db-wal`, `uploads.replaced-…`),
 * in the order the log line lists them: the database first.
 */
const uploadsInDataFolder = path.dirname(dataPaths.uploads) === dataPaths.folder;
const OURS = [dataPaths.database, dataPaths.authSecret, uploadsInDataFolder ? dataPaths.uploads : null, dataPaths.backups].flatMap((p) => (p ? [path.basename(p)] : []));
const rank = (name: string) => OURS.findIndex((prefix) => name.startsWith(prefix));

const SHOWN = 5;

/**
 * A folder others rely on (sticky like /tmp, or owned by someone else): DATABASE_URL may name a file in it,
 * and making it owner-only would lock everyone else out. Hearth's own files in it are still tightened.
 */
function isSharedFolder(folder: string): boolean {
  const stat = fs.statSync(folder);
  return (stat.mode & 0o1000) !== 0 || (process.getuid !== undefined && stat.uid !== process.getuid());
}

/** A folder made owner-only itself unless others rely on it, and `names` in it (all of them, recursively). */
const tightenIn = (folder: string, names: string[]) => [
  ...(isSharedFolder(folder) ? [] : makeOwnerOnly(folder, { recursive: false })),
  ...names.flatMap((name) => makeOwnerOnly(path.join(folder, name))),
];

/**
 * Why the server cannot start on UPLOADS_DIR, or null. A folder every server shares is mounted, never made: one
 * missing (the share not mounted yet) would otherwise be created on this machine's disk, and the images
 * uploaded here would be missing on every other server.
 */
export function sharedUploadsProblem(): string | null {
  if (!env.UPLOADS_DIR) return null;
  try {
    if (!fs.statSync(dataPaths.uploads).isDirectory()) return `UPLOADS_DIR ${dataPaths.uploads} is not a folder.`;
    fs.accessSync(dataPaths.uploads, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `UPLOADS_DIR ${dataPaths.uploads} does not exist: mount the shared folder there (or create it), then start again.`;
    return `UPLOADS_DIR ${dataPaths.uploads} cannot be used by this server (${code ?? (error as Error).message}): it must be readable and writable by the user the server runs as.`;
  }
}

/** Makes the data folder and Hearth's files in it (and a separate uploads folder) owner-only; returns one log line when anything changed. */
export function tightenDataFolder(): string | null {
  const { folder, uploads } = dataPaths;
  const changed = [
    ...(fs.existsSync(folder)
      ? tightenIn(
          folder,
          fs
            .readdirSync(folder)
            .filter((name) => rank(name) >= 0)
            .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)),
        )
      : []),
    // Every server of the site runs as the same user, so owner-only files on a shared volume are still read by all.
    ...(!uploadsInDataFolder && fs.existsSync(uploads) ? tightenIn(uploads, fs.readdirSync(uploads).sort()) : []),
  ];
  if (changed.length === 0) return null;
  const more = changed.length > SHOWN ? ` and ${changed.length - SHOWN} more` : '';
  return `[hearth] made the data folder owner-only (folders 0700, files 0600): ${changed.slice(0, SHOWN).join(', ')}${more}`;
}
