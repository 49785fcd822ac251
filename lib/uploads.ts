/**
 * Image uploads for posts. The bytes decide what a file is (never its name or the browser's MIME type);
 * accepted images are re-encoded as WebP at most 1600 px wide with all metadata dropped (phone photos
 * carry GPS positions), plus smaller copies for responsive pages, written in the uploads folder (UPLOADS_DIR, by
 * default <data folder>/uploads: lib/data-folder.ts), then recorded. Animated GIFs and WebPs stay animated (as WebP). Nothing is half-saved (lib/upload-files.ts).
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import sharp from 'sharp';
import { createUpload, getUploadByFile } from '@/db/queries/uploads';
import { dataPaths } from '@/lib/data-folder';
import { canWritePosts } from '@/lib/roles';
import type { CurrentUser } from '@/lib/session';
import { parseStoredName, storedPath, variantName, writePendingFiles } from '@/lib/upload-files';

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
async function encodeAsWebp(bytes: Buffer, width: number): Promise<Encoded | null> {
  try {
    const { data, info } = await sharp(bytes, { animated: true, autoOrient: true, limitInputPixels: MAX_PIXELS })
      .resize({ width, withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.pageHeight ?? info.height };
  } catch (error) {
    // A header can be fine and the pixels broken (a truncated photo): the uploader's problem, but worth a log line.
    console.warn('An uploaded image could not be decoded:', error);
    return null;
  }
}

/** Smaller copies for srcset, made only when narrower than the stored image. */
export const VARIANT_WIDTHS = [400, 800, 1200] as const;

/**
 * At most this many images are decoded at once (sharp uses a thread pool of its own): fifty files
 * arriving together wait their turn rather than filling memory, and the server keeps answering.
 */
const MAX_CONCURRENT_ENCODES = 2;
let encoding = 0;
const waiting: (() => void)[] = [];

async function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (encoding >= MAX_CONCURRENT_ENCODES) await new Promise<void>((resolve) => waiting.push(resolve));
  encoding++;
  try {
    return await work();
  } finally {
    encoding--;
    waiting.shift()?.();
  }
}

async function encodeAll(bytes: Buffer): Promise<{ main: Encoded; variants: (Encoded & { width: number })[] } | null> {
  const main = await encodeAsWebp(bytes, MAX_STORED_WIDTH);
  if (!main) return null;
  const variants = [];
  for (const width of VARIANT_WIDTHS.filter((w) => w < main.width)) {
    const variant = await encodeAsWebp(bytes, width);
    if (!variant) return null;
    variants.push(variant);
  }
  return { main, variants };
}

/** The name the file had on the uploader's computer, without any folder and at most 200 characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;
const cleanOriginalName = (name: string) => (name.split(/[\\/]/).pop() ?? '').replace(CONTROL_CHARACTERS, '').trim().slice(0, 200);

export async function storeUpload(uploader: CurrentUser, bytes: Buffer, originalName = '', now = new Date()): Promise<UploadResult> {
  if (!canWritePosts(uploader.role)) return refuse('forbidden');
  if (bytes.length === 0) return refuse('empty');
  if (bytes.length > MAX_UPLOAD_BYTES) return refuse('too-large');
  const encoded = await oneAtATime(async () => {
    const problem = await inspect(bytes);
    return problem ?? ((await encodeAll(bytes)) || 'unreadable');
  });
  if (typeof encoded === 'string') return refuse(encoded);

  const file = `${randomBytes(16).toString('hex')}.webp`;
  const { main, variants } = encoded;
  const pending = await writePendingFiles([{ name: file, data: main.data }, ...variants.map((v) => ({ name: variantName(file, v.width), data: v.data }))]);
  try {
    const upload = await createUpload(
      uploader,
      { file, mimeType: 'image/webp', width: main.width, height: main.height, bytes: main.data.length, originalName: cleanOriginalName(originalName), variantWidths: variants.map((v) => v.width) },
      now,
      pending.moveIntoPlace,
    );
    return { ok: true, upload: { id: upload.id, url: upload.url, width: upload.width, height: upload.height } };
  } catch (error) {
    await pending.discard();
    throw error;
  }
}

/** A stored image (or one of its smaller copies) by file name, only if it is recorded in the uploads table. */
export async function readStoredUpload(name: string): Promise<{ mimeType: string; data: Buffer<ArrayBuffer> } | null> {
  const parsed = parseStoredName(name);
  if (!parsed) return null;
  const upload = await getUploadByFile(parsed.file);
  if (!upload || (parsed.width !== null && !upload.variantWidths.includes(parsed.width))) return null;
  try {
    return { mimeType: upload.mimeType, data: await fs.readFile(storedPath(name)) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    console.error(`Upload ${name} is recorded but missing from ${dataPaths.uploads}.`);
    return null;
  }
}
