/**
 * Owner-only modes for data at rest. The database, its -wal/-shm, uploads, backups and the generated secret
 * hold people's health stories, email addresses and the key that signs their links: with the usual umask
 * (022) they would be readable by every local user, so modes are set explicitly: folders 0700, files 0600.
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { OWNER_DIR_MODE, OWNER_FILE_MODE } from '@/server/owner-modes';

export { OWNER_DIR_MODE, OWNER_FILE_MODE };

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(4, '0');

/**
 * Takes group and other permissions off a file, or off a folder and (unless `recursive` is false)
 * everything in it. Missing paths and symbolic links are left alone. Returns what changed, e.g.
 * "data/hearth.db 0644→0600", so the caller can say so once.
 */
export function makeOwnerOnly(target: string, { recursive = true } = {}): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  if (stat.isSymbolicLink()) return [];
  const changed: string[] = [];
  if ((stat.mode & 0o077) !== 0) {
    const wanted = stat.isDirectory() ? OWNER_DIR_MODE : OWNER_FILE_MODE;
    fs.chmodSync(target, wanted);
    changed.push(`${target} ${octal(stat.mode)}→${octal(wanted)}`);
  }
  if (stat.isDirectory() && recursive) {
    for (const name of fs.readdirSync(target)) changed.push(...makeOwnerOnly(path.join(target, name)));
  }
  return changed;
}
