/**
 * Opens a copy of a WordPress site's wp-content/uploads, given as a folder or a .zip, for the importer to
 * read images by their path inside uploads ("2024/05/x.jpg"). Nothing outside it is ever read: paths that
 * would leave it are refused, a folder's symbolic links are followed only when they stay inside (realpath),
 * and an archive with unsafe entries is refused whole (zip-uploads.ts).
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { MAX_UPLOAD_FILE_BYTES, uploadsPath, uploadsPrefix } from './uploads-paths';
import { WxrError, type UploadsSource } from './wxr-types';
import { openZipUploads } from './zip-uploads';

const inside = (root: string, real: string) => real === root || real.startsWith(root + sep);
const missing = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

async function realOrNull(path: string): Promise<string | null> {
  try {
    return await realpath(path);
  } catch (error) {
    if (missing(error)) return null;
    throw error;
  }
}

async function openFolder(path: string): Promise<UploadsSource> {
  const top = await realpath(path);
  let root = top;
  for (const candidate of ['wp-content/uploads', 'uploads']) {
    const real = await realOrNull(join(top, candidate));
    if (real && inside(top, real) && (await stat(real)).isDirectory()) {
      root = real;
      break;
    }
  }
  return {
    async read(relative) {
      const real = await realOrNull(join(root, uploadsPath(relative)));
      if (!real) return null;
      if (!inside(root, real)) throw new WxrError(`"${relative}" in the uploads folder is a link to a file outside it; Hearth does not follow it.`);
      const info = await stat(real);
      if (!info.isFile()) return null;
      if (info.size > MAX_UPLOAD_FILE_BYTES) throw new WxrError(`"${relative}" in the uploads folder is larger than ${MAX_UPLOAD_FILE_BYTES / 1024 ** 2} MB; Hearth does not import it.`);
      return readFile(real);
    },
    async close() {},
  };
}

export async function openUploads(path: string): Promise<UploadsSource> {
  if ((await stat(path)).isDirectory()) return openFolder(path);
  const zip = await openZipUploads(path);
  const prefix = uploadsPrefix(zip.names);
  return { read: async (relative) => zip.read(prefix + uploadsPath(relative)), close: zip.close };
}
