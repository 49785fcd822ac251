/**
 * Image uploads for posts. The bytes decide what a file is (never its name or the browser's MIME type);
 * accepted images are re-encoded as WebP at most 1600 px wide with all metadata dropped (phone photos
 * carry GPS positions), written under <dataDir>/uploads, then recorded. Animated GIFs and WebPs stay
 * animated (as WebP). A file whose row cannot be written is deleted again: nothing is half-saved.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { OWNER_DIR_MODE, OWNER_FILE_MODE } from '@/db/file-modes';
import type { Actor } from '@/db/queries/activity';
import { createUpload, getUploadByFile } from '@/db/queries/uploads';
import type { UserRole } from '@/db/schema';
import { dataPaths } from '@/lib/data-folder';
import { canWritePosts } from '@/lib/roles';

export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
const MAX_SIDE = 10_000;
/** Counted over every frame: a small file can unpack to gigabytes of pixels (decompression bomb). */
const MAX_PIXELS = MAX_SIDE * MAX_SIDE;
const MAX_STORED_WIDTH = 1600;

export const UPLOAD_REFUSALS = {
  forbidden: 'Only authors and admins can upload images.',
  empty: 'That file is empty. Please choose an image.',
  'too-large': 'That image is larger than 8 MB. Please choose a smaller one.',
  'not-an-image': 'That file is not a JPEG, PNG, WebP or GIF image.',
  'too-many-pixels': 'That image is more than 10,000 pixels wide or high, or has too many frames. Please choose a smaller one.',
  unreadable: 'That image could not be read; the file may be damaged. Please try another.',
} as const;
export type UploadRefusal = keyof typeof UPLOAD_REFUSALS;

export type StoredImage = { id: number; url: string; width: number; height: number };
export type UploadResult = { ok: true; upload: StoredImage } | { ok: false; reason: UploadRefusal; message: string };
export type Uploader = Actor & { role: UserRole };

const refuse = (reason: UploadRefusal): UploadResult => ({ ok: false, reason, message: UPLOAD_REFUSALS[reason] });

type AcceptedFormat = 'jpeg' | 'png' | 'webp' | 'gif';

/** Checked before any decoder runs, so libvips' SVG, TIFF, HEIF… parsers never see an upload. */
function sniffFormat(bytes: Buffer): AcceptedFormat | null {
  const head = bytes.toString('latin1', 0, 12);
  if (head.startsWith('\xff\xd8\xff')) return 'jpeg';
  if (head.startsWith('\x89PNG\r\n\x1a\n')) return 'png';
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'gif';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'webp';
  return null;
}

/** Reads only the header: the format as the decoder sees it, and the size once every frame is unpacked. */
async function inspect(bytes: Buffer): Promise<UploadRefusal | null> {
  const sniffed = sniffFormat(bytes);
  if (!sniffed) return 'not-an-image';
  const metadata = await sharp(bytes, { animated: true, limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (!metadata) return 'unreadable';
  if (metadata.format !== sniffed) return 'not-an-image';
  const frameHeight = metadata.pageHeight ?? metadata.height;
  if (metadata.width > MAX_SIDE || frameHeight > MAX_SIDE || metadata.width * metadata.height > MAX_PIXELS) return 'too-many-pixels';
  return null;
}

type Encoded = { data: Buffer; width: number; height: number };

/**
 * Upright (EXIF orientation applied), never enlarged, every frame kept. sharp writes no EXIF, XMP,
 * IPTC or ICC data unless asked to, which is what strips the GPS position and camera details.
 */
async function encodeAsWebp(bytes: Buffer): Promise<Encoded | null> {
  try {
    const { data, info } = await sharp(bytes, { animated: true, autoOrient: true, limitInputPixels: MAX_PIXELS })
      .resize({ width: MAX_STORED_WIDTH, withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.pageHeight ?? info.height };
  } catch (error) {
    // A header can be fine and the pixels broken (a truncated photo): the uploader's problem, but worth a log line.
    console.warn('An uploaded image could not be decoded:', error);
    return null;
  }
}

/**
 * Written under a temporary name first, so a crash mid-write never leaves a truncated file under a real one.
 * Owner-only (folder 0700, files 0600): only the server reads them, to serve /media.
 */
async function writeStoredFile(file: string, data: Buffer): Promise<void> {
  const target = path.join(dataPaths.uploads, file);
  const partial = `${target}.partial`;
  await fs.mkdir(dataPaths.uploads, { recursive: true, mode: OWNER_DIR_MODE });
  try {
    await fs.writeFile(partial, data, { mode: OWNER_FILE_MODE });
    await fs.rename(partial, target);
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  }
}

export async function storeUpload(uploader: Uploader, bytes: Buffer, now = new Date()): Promise<UploadResult> {
  if (!canWritePosts(uploader.role)) return refuse('forbidden');
  if (bytes.length === 0) return refuse('empty');
  if (bytes.length > MAX_UPLOAD_BYTES) return refuse('too-large');
  const problem = await inspect(bytes);
  if (problem) return refuse(problem);
  const image = await encodeAsWebp(bytes);
  if (!image) return refuse('unreadable');

  const file = `${randomBytes(16).toString('hex')}.webp`;
  await writeStoredFile(file, image.data);
  try {
    const upload = createUpload(uploader, { file, mimeType: 'image/webp', width: image.width, height: image.height, bytes: image.data.length }, now);
    return { ok: true, upload: { id: upload.id, url: upload.url, width: upload.width, height: upload.height } };
  } catch (error) {
    await fs.rm(path.join(dataPaths.uploads, file), { force: true });
    throw error;
  }
}

/** Every stored name is 32 random hex digits: anything else (../, other extensions) never reaches the disk. */
const STORED_NAME = /^[a-f0-9]{32}\.webp$/;

/** A stored image by file name, only if it is recorded in the uploads table. */
export async function readStoredUpload(file: string): Promise<{ mimeType: string; data: Buffer<ArrayBuffer> } | null> {
  if (!STORED_NAME.test(file)) return null;
  const upload = getUploadByFile(file);
  if (!upload) return null;
  try {
    return { mimeType: upload.mimeType, data: await fs.readFile(path.join(dataPaths.uploads, file)) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    console.error(`Upload ${file} is recorded but missing from ${dataPaths.uploads}.`);
    return null;
  }
}
