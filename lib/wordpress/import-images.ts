/**
 * Pictures of the old site: attachments and images in posts, taken from the uploads folder or archive by
 * their uploads-relative path and stored like any upload (resized, metadata stripped). A size variant
 * ("x-300x200.jpg") not in the archive maps to its original. Each file is stored once, even over re-runs
 * (imported_items kind `file`); a missing one is noted and the post keeps the alt text.
 */
import path from 'node:path';
import { describeUpload, findImported, recordImported, uploadFile } from '@/db/queries/wordpress-import';
import type { CurrentUser } from '@/lib/session';
import { storeUpload } from '@/lib/uploads';
import { findAttachmentIds, findImageUrls } from './content';
import { dryId, type ImportContext } from './import-context';
import { uploadsPath, type IndexedItem } from './import-index';
import { count, note } from './report';
import type { WxrItem } from './wxr-types';

const SIZE_SUFFIX = /-\d+x\d+(\.[a-z0-9]+)$/i;

/** A file stored here for this uploads path, or null when it is missing (memoized per run). */
async function resolveFile(ctx: ImportContext, uploader: CurrentUser, rel: string, attachment: IndexedItem | null): Promise<{ id: number; file: string } | null> {
  if (ctx.media.has(rel)) return ctx.media.get(rel)!;
  const original = rel.replace(SIZE_SUFFIX, '$1');
  const known = (await findImported(ctx.index.source, 'file', rel)) ?? (original !== rel ? await findImported(ctx.index.source, 'file', original) : null);
  const knownFile = known ? await uploadFile(Number(known)) : null;
  let stored: { id: number; file: string } | null = known && knownFile ? { id: Number(known), file: knownFile } : null;
  if (!stored) stored = await storeFromUploads(ctx, uploader, rel, original, attachment);
  else count(ctx.report, 'image', 'updated');
  ctx.media.set(rel, stored);
  return stored;
}

async function storeFromUploads(ctx: ImportContext, uploader: CurrentUser, rel: string, original: string, attachment: IndexedItem | null) {
  const subject = `Image “${rel}”`;
  let used = rel;
  let bytes = ctx.uploads ? await ctx.uploads.read(rel) : null;
  if (!bytes && original !== rel && ctx.uploads) {
    const had = ctx.media.get(original);
    if (had !== undefined) return had;
    used = original;
    bytes = await ctx.uploads.read(original);
  }
  if (!bytes) {
    note(ctx.report, {
      subject,
      outcome: 'missing',
      reason: ctx.uploads ? 'Not in the uploads folder: the post keeps its description instead.' : 'No uploads folder was given: the post keeps its description instead.',
    });
    count(ctx.report, 'image', 'skipped');
    return null;
  }
  if (ctx.dryRun) {
    count(ctx.report, 'image', 'added');
    return { id: dryId(), file: `dry-run-${path.basename(used)}` };
  }
  const result = await storeUpload(uploader, bytes, path.basename(used), ctx.now);
  if (!result.ok) {
    note(ctx.report, { subject, outcome: 'skipped', reason: result.message });
    count(ctx.report, 'image', 'skipped');
    return null;
  }
  const file = result.upload.url.replace(/^\/media\//, '');
  if (attachment) await describeUpload(result.upload.id, attachment.alt, attachment.caption);
  await recordImported(undefined, ctx.index.source, 'file', used, result.upload.id, ctx.now);
  if (used !== rel) await recordImported(undefined, ctx.index.source, 'file', rel, result.upload.id, ctx.now);
  count(ctx.report, 'image', 'added');
  ctx.media.set(used, { id: result.upload.id, file });
  return { id: result.upload.id, file };
}

export type StoredImages = { rel: string; attachment: IndexedItem | null; file: string }[];

/** Stores every picture a batch uses (before its transaction: encoding is slow and async). */
export async function storeBatchImages(ctx: ImportContext, uploader: CurrentUser, items: WxrItem[]): Promise<StoredImages> {
  const stored: StoredImages = [];
  const want = async (rel: string | null, attachment: IndexedItem | null) => {
    if (!rel) return;
    const fresh = !ctx.media.has(rel);
    const result = await resolveFile(ctx, uploader, rel, attachment);
    if (fresh && result) stored.push({ rel, attachment, file: result.file });
  };
  for (const item of items) {
    if (item.type === 'attachment') await want(ctx.index.items.get(item.id)?.file ?? null, ctx.index.items.get(item.id) ?? null);
    const ids = [...findAttachmentIds(item.content), item.meta._thumbnail_id].filter(Boolean);
    for (const id of ids) {
      const attachment = ctx.index.items.get(id!);
      if (attachment?.file) await want(attachment.file, attachment);
    }
    for (const url of findImageUrls(item.content)) await want(uploadsPath(url), null);
  }
  return stored;
}

/** The Hearth address of an image the converter meets ("attachment:<id>" or an uploads URL), if stored. */
export function imageAddress(ctx: ImportContext, url: string): string | null {
  const rel = url.startsWith('attachment:') ? (ctx.index.items.get(url.slice('attachment:'.length))?.file ?? null) : uploadsPath(url);
  const stored = rel ? ctx.media.get(rel) : null;
  return stored ? `/media/${stored.file}` : null;
}
