/**
 * The stored image files on disk, one image being its main file "<name>.webp" plus smaller copies
 * "<name>-<width>.webp". New files are written under temporary ".partial" names and only renamed to
 * their real names inside the transaction that records them, so a failure at any step leaves neither a
 * row without its files nor a file under a real name without its row.
 */
import 'server-only';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { OWNER_DIR_MODE, OWNER_FILE_MODE } from '@/db/file-modes';
import { dataPaths } from '@/lib/data-folder';

/** Every stored name is 32 random hex digits, optionally with a width: anything else (../, other extensions) never reaches the disk. */
const STORED_NAME = /^([a-f0-9]{32})(?:-([1-9][0-9]{1,4}))?\.webp$/;

export const variantName = (file: string, width: number) => file.replace(/\.webp$/, `-${width}.webp`);

/** The main file's name and the width asked for (null for the main file), or null for a name that is not ours. */
export function parseStoredName(name: string): { file: string; width: number | null } | null {
  const match = STORED_NAME.exec(name);
  return match ? { file: `${match[1]}.webp`, width: match[2] ? Number(match[2]) : null } : null;
}

export const storedPath = (name: string) => path.join(dataPaths.uploads, name);

export type PendingFiles = { names: string[]; moveIntoPlace: () => void; discard: () => Promise<void> };

/**
 * Writes each file under a temporary name (owner-only: only the server reads them, to serve /media).
 * `moveIntoPlace` renames them all (synchronously, to run inside a database transaction); `discard`
 * removes whatever exists of them, temporary or renamed.
 */
export async function writePendingFiles(files: { name: string; data: Buffer }[]): Promise<PendingFiles> {
  await fs.mkdir(dataPaths.uploads, { recursive: true, mode: OWNER_DIR_MODE });
  const names = files.map((f) => f.name);
  const discard = async () => {
    await Promise.all(names.flatMap((name) => [fs.rm(`${storedPath(name)}.partial`, { force: true }), fs.rm(storedPath(name), { force: true })]));
  };
  try {
    for (const file of files) await fs.writeFile(`${storedPath(file.name)}.partial`, file.data, { mode: OWNER_FILE_MODE });
  } catch (error) {
    await discard();
    throw error;
  }
  const moveIntoPlace = () => {
    for (const name of names) fsSync.renameSync(`${storedPath(name)}.partial`, storedPath(name));
  };
  return { names, moveIntoPlace, discard };
}

/** Removes an image's files after its row is gone. A missing file is fine; any other failure is logged, not thrown (the row is already deleted). */
export async function removeStoredFiles(file: string, variantWidths: number[]): Promise<void> {
  const names = [file, ...variantWidths.map((w) => variantName(file, w))];
  const results = await Promise.allSettled(names.map((name) => fs.rm(storedPath(name), { force: true })));
  for (const result of results) if (result.status === 'rejected') console.error('A deleted image’s file could not be removed:', result.reason);
}
