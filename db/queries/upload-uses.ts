/**
 * Where an uploaded image is used: post and page texts (published, draft, or an unpublished working copy)
 * that mention its stored name (any size of it), post covers (unpublished changes included), and the site icon and logo. The library shows
 * this list, and deleting refuses while it is not empty.
 */
import 'server-only';
import { eq, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/index';
import { containsText, jsonNumber } from '@/db/dialect';
import { pages, pageWorkingCopies, posts, postWorkingCopies, siteSettings } from '@/db/schema';

export type UploadUse = { kind: 'post-body' | 'post-cover'; id: number; title: string } | { kind: 'page-body'; id: number; title: string } | { kind: 'site-icon' | 'site-logo' };

/** The stored name without ".webp": every size of the image ("<name>-800.webp") contains it. */
const stem = (file: string) => file.replace(/\.webp$/, '');

export async function findUploadUses(db: Db, upload: { id: number; file: string }): Promise<UploadUse[]> {
  const name = stem(upload.file);
  // A cover chosen in unpublished changes counts too: Update would put it on the site.
  const copyCover = jsonNumber(postWorkingCopies.fields, 'coverImageId');
  const postRows = await db
    .selectDistinct({ id: posts.id, title: posts.title, cover: posts.coverImageId, copyCover })
    .from(posts)
    .leftJoin(postWorkingCopies, eq(postWorkingCopies.postId, posts.id))
    .where(or(eq(posts.coverImageId, upload.id), sql`${copyCover} = ${upload.id}`, containsText(posts.body, name), containsText(postWorkingCopies.fields, name)));
  const pageRows = await db
    .selectDistinct({ id: pages.id, title: pages.title })
    .from(pages)
    .leftJoin(pageWorkingCopies, eq(pageWorkingCopies.pageId, pages.id))
    .where(or(containsText(pages.body, name), containsText(pageWorkingCopies.fields, name)));
  const [site] = await db.select({ icon: siteSettings.iconUploadId, logo: siteSettings.logoUploadId }).from(siteSettings).limit(1);
  return [
    ...postRows.map((p): UploadUse => ({ kind: p.cover === upload.id || p.copyCover === upload.id ? 'post-cover' : 'post-body', id: p.id, title: p.title })),
    ...pageRows.map((p): UploadUse => ({ kind: 'page-body', id: p.id, title: p.title })),
    ...(site?.icon === upload.id ? [{ kind: 'site-icon' as const }] : []),
    ...(site?.logo === upload.id ? [{ kind: 'site-logo' as const }] : []),
  ];
}
