/**
 * A .zip of a WordPress uploads folder, read on demand: the central directory is indexed at open (no file
 * is inflated then), and the whole archive is refused if any entry could escape or mislead — a "../" or
 * absolute name (yauzl's own check), a symlink, or more declared bytes than MAX_ZIP_BYTES. yauzl also
 * stops an entry that inflates past its declared size, which read() reports as a refusal.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { MAX_UPLOAD_FILE_BYTES, uploadsRefused, type UploadsIndex } from './uploads-paths';
import { WxrError } from './wxr-types';

/** Declared uncompressed total of an uploads archive: a zip bomb declares more or lies (then inflating stops). */
export const MAX_ZIP_BYTES = 4 * 1024 ** 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true }, (error, zip) => (error ? reject(uploadsRefused(error.message)) : resolve(zip))),
  );
}

/** Every file entry by its name, after checking all of them. */
function indexEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  let declared = 0;
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => reject(uploadsRefused(reason));
    zip.on('error', (error: Error) => fail(error.message));
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: Entry) => {
      if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) return fail(`"${entry.fileName}" is a symbolic link`);
      declared += entry.uncompressedSize;
      if (declared > MAX_ZIP_BYTES) return fail(`its files add up to more than ${MAX_ZIP_BYTES / 1024 ** 3} GB`);
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

function inflate(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => reject(Object.assign(uploadsRefused(`"${entry.fileName}" cannot be read: ${error.message}`), { cause: error }));
    zip.openReadStream(entry, (error, stream) => {
      if (error) return fail(error);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', fail);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

export async function openZipUploads(path: string): Promise<UploadsIndex> {
  const zip = await openZip(path);
  try {
    const entries = await indexEntries(zip);
    return {
      names: [...entries.keys()],
      async read(name) {
        const entry = entries.get(name);
        if (!entry) return null;
        if (entry.uncompressedSize > MAX_UPLOAD_FILE_BYTES) throw new WxrError(`"${name}" in the uploads archive is larger than ${MAX_UPLOAD_FILE_BYTES / 1024 ** 2} MB; Hearth does not import it.`);
        return inflate(zip, entry);
      },
      async close() {
        zip.close();
      },
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}
