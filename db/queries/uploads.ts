/**
 * Uploaded images: the rows that say which stored files exist and how big they are, so pages can give
 * every <img> its width and height. The files themselves live on disk (lib/uploads.ts).
 */
import 'server-only';
import { count, desc, eq, inArray, or } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { containsText } from '@/db/dialect';
import { uploads } from '@/db/schema';
import { findUploadUses, type UploadUse } from '@/db/queries/upload-uses';

export type { UploadUse } from '@/db/queries/upload-uses';
export type Upload = {
  id: number;
  file: string;
  url: string;
  mimeType: string;
  width: number;
  height: number;
  bytes: number;
  originalName: string;
  alt: string;
  caption: string;
  variantWidths: number[];
  createdAt: Date;
};
export type NewUpload = Pick<Upload, 'file' | 'mimeType' | 'width' | 'height' | 'bytes' | 'originalName' | 'variantWidths'>;

const columns = {
  id: uploads.id,
  file: uploads.file,
  mimeType: uploads.mimeType,
  width: uploads.width,
  height: uploads.height,
  bytes: uploads.bytes,
  originalName: uploads.originalName,
  alt: uploads.alt,
  caption: uploads.caption,
  variantWidths: uploads.variantWidths,
  createdAt: uploads.createdAt,
};

const withUrl = (row: Omit<Upload, 'url'>): Upload => ({ ...row, url: `/media/${row.file}` });

/**
 * Records a stored file and logs it in the same transaction. `moveIntoPlace` runs inside that transaction
 * (it renames the written files to their real names): if it throws, the row is never committed.
 */
export function createUpload(actor: Actor, upload: NewUpload, now: Date, moveIntoPlace: () => void = () => {}): Promise<Upload> {
  return withTransaction(async (tx) => {
    const [row] = await tx
      .insert(uploads)
      .values({ ...upload, uploaderId: actor.id, createdAt: now })
      .returning(columns);
    await recordActivity(actor, 'upload.create', `${upload.file} (${upload.width}×${upload.height})`, now);
    moveIntoPlace();
    return withUrl(row);
  });
}

export async function getUpload(id: number): Promise<Upload | null> {
  const [row] = await getDb().select(columns).from(uploads).where(eq(uploads.id, id)).limit(1);
  return row ? withUrl(row) : null;
}

export async function getUploadByFile(file: string): Promise<Upload | null> {
  const [row] = await getDb().select(columns).from(uploads).where(eq(uploads.file, file)).limit(1);
  return row ? withUrl(row) : null;
}

export type ImageSize = Pick<Upload, 'width' | 'height' | 'variantWidths'>;

/** Sizes of the images a text mentions, by stored file name, for its <img> attributes. A text without any asks nothing. */
export async function getImageSizes(files: string[]): Promise<Map<string, ImageSize>> {
  if (files.length === 0) return new Map();
  const rows = await getDb().select({ file: uploads.file, width: uploads.width, height: uploads.height, variantWidths: uploads.variantWidths }).from(uploads).where(inArray(uploads.file, files));
  return new Map(rows.map(({ file, ...size }) => [file, size]));
}

export const UPLOADS_PER_PAGE = 24;

/** The library, newest first, optionally only images whose original name, alt text or caption contain `search`. */
export async function listUploads(search: string, page: number): Promise<{ uploads: Upload[]; total: number }> {
  const db = getDb();
  const where = search ? or(containsText(uploads.originalName, search), containsText(uploads.alt, search), containsText(uploads.caption, search)) : undefined;
  const rows = await db
    .select(columns)
    .from(uploads)
    .where(where)
    .orderBy(desc(uploads.createdAt), desc(uploads.id))
    .limit(UPLOADS_PER_PAGE)
    .offset((page - 1) * UPLOADS_PER_PAGE);
  const [{ n: total }] = await db.select({ n: count() }).from(uploads).where(where);
  return { uploads: rows.map(withUrl), total };
}

/** Where an image appears (for the library), by id. */
export function listUploadUses(upload: Pick<Upload, 'id' | 'file'>): Promise<UploadUse[]> {
  return findUploadUses(getDb(), upload);
}

/** New alt text and caption; false when the image no longer exists. */
export function updateUploadDetails(actor: Actor, id: number, details: { alt: string; caption: string }, now = new Date()): Promise<boolean> {
  return withTransaction(async (tx) => {
    const [row] = await tx.update(uploads).set(details).where(eq(uploads.id, id)).returning({ file: uploads.file });
    if (row) await recordActivity(actor, 'upload.describe', row.file, now);
    return Boolean(row);
  });
}

export type UploadDeletion = { ok: true; file: string; variantWidths: number[] } | { ok: false; reason: 'missing' } | { ok: false; reason: 'in-use'; uses: UploadUse[] };

/**
 * Deletes an image's row unless something uses it. The check and the delete share one transaction, so a post
 * saved in between cannot start using an image that is then deleted. The caller removes the files afterwards.
 */
export function deleteUnusedUpload(actor: Actor, id: number, now = new Date()): Promise<UploadDeletion> {
  return withTransaction(async (tx): Promise<UploadDeletion> => {
    const [row] = await tx.select({ id: uploads.id, file: uploads.file, variantWidths: uploads.variantWidths }).from(uploads).where(eq(uploads.id, id)).limit(1);
    if (!row) return { ok: false, reason: 'missing' };
    const uses = await findUploadUses(tx, row);
    if (uses.length > 0) return { ok: false, reason: 'in-use', uses };
    await tx.delete(uploads).where(eq(uploads.id, id));
    await recordActivity(actor, 'upload.delete', row.file, now);
    return { ok: true, file: row.file, variantWidths: row.variantWidths };
  });
}
