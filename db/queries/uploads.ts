/**
 * Uploaded images: the rows that say which stored files exist and how big they are, so pages can give
 * every <img> its width and height. The files themselves live on disk (lib/uploads.ts).
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { uploads } from '@/db/schema';

export type Upload = { id: number; file: string; url: string; mimeType: string; width: number; height: number; bytes: number; createdAt: Date };
export type NewUpload = { file: string; mimeType: string; width: number; height: number; bytes: number };

const columns = { id: uploads.id, file: uploads.file, mimeType: uploads.mimeType, width: uploads.width, height: uploads.height, bytes: uploads.bytes, createdAt: uploads.createdAt };

const withUrl = (row: Omit<Upload, 'url'>): Upload => ({ ...row, url: `/media/${row.file}` });

/** Records a stored file and logs it in the same transaction. */
export function createUpload(actor: Actor, upload: NewUpload, now: Date): Upload {
  return getDb().transaction((tx) => {
    const row = tx.insert(uploads).values({ ...upload, uploaderId: actor.id, createdAt: now }).returning(columns).get();
    recordActivity(tx, actor, 'upload.create', `${upload.file} (${upload.width}×${upload.height})`, now);
    return withUrl(row);
  });
}

export function getUpload(id: number): Upload | null {
  const row = getDb().select(columns).from(uploads).where(eq(uploads.id, id)).get();
  return row ? withUrl(row) : null;
}

export function getUploadByFile(file: string): Upload | null {
  const row = getDb().select(columns).from(uploads).where(eq(uploads.file, file)).get();
  return row ? withUrl(row) : null;
}
