/**
 * The files of an admin import, received as raw request bodies and streamed straight to a private folder
 * (imports/<upload id>/ in the uploads folder, which every server of a site shares), never held in memory: an
 * export can be 2 GB, an uploads archive 4 GB.
 * The first bytes must look like XML (the export) or a zip (the uploads); anything else, or anything over
 * its limit, is refused and its partial file removed.
 */
import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { OWNER_DIR_MODE, OWNER_FILE_MODE } from '@/db/file-modes';
import { dataPaths } from '@/lib/data-folder';

export type ImportPart = 'export' | 'uploads';

const GB = 1024 ** 3;
export const IMPORT_PART_LIMITS: Record<ImportPart, number> = { export: 2 * GB, uploads: 4 * GB };
const FILE_NAMES: Record<ImportPart, string> = { export: 'export.xml', uploads: 'uploads.zip' };

export const IMPORT_REFUSALS = {
  'too-large-export': 'The export is larger than 2 GB. Export the site in parts (WordPress can export posts by date or category) and import each.',
  'too-large-uploads': 'The uploads archive is larger than 4 GB. Leave out old sizes WordPress made (…-150x150.jpg) or split it by year, and import again.',
  'not-xml': 'This file is not a WordPress export: it does not start like an XML file. In WordPress, use Tools → Export → All content, and choose the .xml file it downloads.',
  'not-zip': 'The uploads must be a .zip archive of the wp-content/uploads folder: this file is not a zip.',
  empty: 'The file is empty.',
  'unknown-upload': 'That upload is not here any more: choose the files and start again.',
} as const;
export type ImportRefusal = keyof typeof IMPORT_REFUSALS;

export const importsFolder = () => dataPaths.imports;
const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The files of one upload, or null for an id that is malformed or whose folder is gone. */
export function uploadFiles(uploadId: string): { folder: string; exportPath: string; uploadsPath: string } | null {
  if (!UPLOAD_ID.test(uploadId)) return null;
  const folder = path.join(importsFolder(), uploadId);
  if (!fs.existsSync(folder)) return null;
  return { folder, exportPath: path.join(folder, FILE_NAMES.export), uploadsPath: path.join(folder, FILE_NAMES.uploads) };
}

const BOM = [0xef, 0xbb, 0xbf];
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Whether the first bytes fit the part: "<" after an optional byte-order mark and blank space, or a zip's "PK\3\4". */
function looksRight(part: ImportPart, head: Buffer): boolean {
  if (part === 'uploads') return head.length >= 4 && head.readUInt32BE(0) === 0x504b0304;
  let at = BOM.every((b, i) => head[i] === b) ? 3 : 0;
  while (at < head.length && WHITESPACE.has(head[at])) at += 1;
  return head[at] === 0x3c;
}

const HEAD_BYTES = 1024;

export type ReceiveResult = { ok: true; uploadId: string; bytes: number } | { ok: false; reason: ImportRefusal };

/**
 * Writes `body` to the part's file, in the folder of `uploadId` (the uploads archive joins its export) or a
 * new one (the export). On refusal the partial file (and a new folder) is removed. `limit` is the part's
 * limit; a test passes a small one rather than send gigabytes.
 */
export async function receiveImportPart(part: ImportPart, body: AsyncIterable<Uint8Array> | null, uploadId?: string, limit = IMPORT_PART_LIMITS[part]): Promise<ReceiveResult> {
  const existing = uploadId === undefined ? null : uploadFiles(uploadId);
  if (uploadId !== undefined && !existing) return { ok: false, reason: 'unknown-upload' };
  const id = uploadId ?? crypto.randomUUID();
  const folder = existing?.folder ?? path.join(importsFolder(), id);
  fs.mkdirSync(folder, { recursive: true, mode: OWNER_DIR_MODE });
  const file = path.join(folder, FILE_NAMES[part]);
  const out = fs.createWriteStream(file, { mode: OWNER_FILE_MODE });
  // Closed before the removal: a stream destroyed before its file finished opening would create it after.
  const discard = async () => {
    const closed = out.closed ? Promise.resolve() : once(out, 'close');
    out.destroy();
    await closed;
    await fs.promises.rm(existing ? file : folder, { recursive: true, force: true });
  };
  const refuse = async (reason: ImportRefusal): Promise<ReceiveResult> => {
    await discard();
    return { ok: false, reason };
  };
  try {
    let bytes = 0;
    let head: Buffer | null = Buffer.alloc(0);
    for await (const chunk of body ?? []) {
      bytes += chunk.byteLength;
      if (bytes > limit) return await refuse(part === 'export' ? 'too-large-export' : 'too-large-uploads');
      if (head) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= HEAD_BYTES && !looksRight(part, head)) return await refuse(part === 'export' ? 'not-xml' : 'not-zip');
        if (head.length >= HEAD_BYTES) head = null;
      }
      if (!out.write(chunk)) await once(out, 'drain');
    }
    if (bytes === 0) return await refuse('empty');
    if (head && !looksRight(part, head)) return await refuse(part === 'export' ? 'not-xml' : 'not-zip');
    out.end();
    await once(out, 'finish');
    return { ok: true, uploadId: id, bytes };
  } catch (error) {
    await discard();
    throw error;
  }
}

/** Removes an upload's folder (after its job, or when the job could not be created). */
export async function removeUpload(folder: string): Promise<void> {
  await fs.promises.rm(folder, { recursive: true, force: true });
}

/** Uploads older than this that no job reads were abandoned (the tab closed before Start, a refused start). */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Removes abandoned uploads: a site's whole export (people's stories, their addresses) must not linger on
 * disk. `inUse` are the folders of jobs that may still read theirs.
 */
export async function removeAbandonedUploads(inUse: string[], now = Date.now()): Promise<void> {
  const root = importsFolder();
  if (!fs.existsSync(root)) return;
  const keep = new Set(inUse.map((folder) => path.resolve(folder)));
  for (const name of await fs.promises.readdir(root)) {
    const folder = path.join(root, name);
    if (keep.has(folder)) continue;
    const stat = await fs.promises.lstat(folder);
    if (now - stat.mtimeMs > ABANDONED_AFTER_MS) await fs.promises.rm(folder, { recursive: true, force: true });
  }
}
