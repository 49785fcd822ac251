/**
 * Posts and pages: WordPress statuses and GMT dates mapped to Hearth's, the slug kept when free, the first
 * category kept and any further ones added as tags of the same name, the featured image as cover, the text
 * through the converter (links and images pointed here), then its comments and old addresses.
 */
import { findImported, pageSlug, postSlug, recordImported, savePage, savePost } from '@/db/queries/wordpress-import';
import type { PostStatus } from '@/db/schema-values';
import { wordpressToMarkdown } from './content';
import { dryId, freeSlug, write, type ImportContext, type Tx } from './import-context';
import { importComments } from './import-comments';
import { imageAddress } from './import-images';
import { addRedirect, pageRedirects, postRedirects } from './import-redirects';
import { ensureTag } from './import-terms';
import { count, note } from './report';
import type { WxrItem } from './wxr-types';

const STATUSES: Record<string, PostStatus> = { publish: 'published', future: 'scheduled', draft: 'draft', pending: 'draft', private: 'draft' };

const subjectOf = (item: { type: string; title: string; id: string }) => `${item.type === 'page' ? 'Page' : 'Post'} “${item.title || '(no title)'}” (WordPress ID ${item.id})`;

/** Before pass 2: every post's and page's Hearth slug (its current one when imported before). */
export async function planSlugs(ctx: ImportContext): Promise<void> {
  for (const item of ctx.index.items.values()) {
    if ((item.type !== 'post' && item.type !== 'page') || !STATUSES[item.status]) continue;
    const kind = item.type;
    const known = await findImported(ctx.index.source, kind, item.id);
    const current = known ? (kind === 'post' ? await postSlug(Number(known)) : await pageSlug(Number(known))) : null;
    const slug = current ?? (await freeSlug(ctx, kind === 'post' ? 'posts' : 'pages', item.slug, item.title, subjectOf(item)));
    (kind === 'post' ? ctx.postSlugs : ctx.pageSlugs).set(item.id, slug);
  }
}

/** Strips markup from an excerpt: Hearth's is plain text. */
const plain = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

async function postTerms(ctx: ImportContext, tx: Tx, item: WxrItem, subject: string): Promise<{ categoryId: number | null; tagIds: number[] }> {
  const tagIds: number[] = [];
  let categoryId: number | null = null;
  for (const term of item.terms) {
    if (term.kind === 'tag') {
      tagIds.push((await ensureTag(ctx, tx, term)).id);
      continue;
    }
    const category = ctx.categories.get(term.slug);
    if (categoryId === null && category) {
      categoryId = category.id;
      continue;
    }
    const tag = await ensureTag(ctx, tx, { slug: term.slug, name: term.name });
    tagIds.push(tag.id);
    if (!category) await addRedirect(ctx, tx, `/category/${term.slug}`, `/tag/${tag.slug}`);
    note(ctx.report, { subject, outcome: 'changed', reason: `Also in “${term.name}”: kept as the tag “${term.name}”.` });
  }
  return { categoryId, tagIds };
}

function convert(ctx: ImportContext, item: WxrItem, subject: string, rewriteLink: (url: string) => string | null): string {
  const { markdown, notes } = wordpressToMarkdown(item.content, { rewriteLink, image: (url) => imageAddress(ctx, url) }, subject);
  for (const entry of notes) note(ctx.report, entry);
  return markdown;
}

async function importPost(ctx: ImportContext, tx: Tx, item: WxrItem, status: PostStatus, rewriteLink: (url: string) => string | null): Promise<void> {
  const subject = subjectOf(item);
  const authorId = ctx.usersByLogin.get(item.creator);
  if (!authorId) {
    note(ctx.report, { subject, outcome: 'skipped', reason: `Its author “${item.creator}” is not among the export’s authors.` });
    count(ctx.report, 'post', 'skipped');
    return;
  }
  if (item.status === 'private') note(ctx.report, { subject, outcome: 'changed', reason: 'It was private: it is a draft here, seen only by editors.' });
  const slug = ctx.postSlugs.get(item.id)!;
  const { categoryId, tagIds } = await postTerms(ctx, tx, item, subject);
  const thumbnail = ctx.index.items.get(item.meta._thumbnail_id ?? '');
  const cover = thumbnail?.file ? ctx.media.get(thumbnail.file) : null;
  const publishedAt = status === 'draft' ? null : (item.dateGmt ?? new Date(`${item.dateLocal.replace(' ', 'T')}Z`));
  const values = {
    slug,
    title: item.title || '(no title)',
    excerpt: plain(item.excerpt),
    body: convert(ctx, item, subject, rewriteLink),
    status,
    publishedAt,
    authorId,
    categoryId,
    commentsClosed: !item.commentsOpen,
    coverImageId: cover?.id ?? null,
    coverAlt: cover ? thumbnail!.alt : null,
    // Already published elsewhere: the new-post emails must not go out for old posts.
    subscribersNotifiedAt: status === 'published' ? ctx.now : null,
  };
  const known = await findImported(ctx.index.source, 'post', item.id, tx);
  const id = await write(ctx, () => savePost(tx, known ? Number(known) : null, values, tagIds), known ? Number(known) : dryId());
  await write(ctx, () => recordImported(tx, ctx.index.source, 'post', item.id, id, ctx.now), undefined);
  count(ctx.report, 'post', known ? 'updated' : 'added');
  await importComments(ctx, tx, item, id, rewriteLink);
  await postRedirects(ctx, tx, ctx.index.items.get(item.id)!, slug);
}

async function importPage(ctx: ImportContext, tx: Tx, item: WxrItem, status: PostStatus, rewriteLink: (url: string) => string | null): Promise<void> {
  const subject = subjectOf(item);
  const slug = ctx.pageSlugs.get(item.id)!;
  const values = {
    slug,
    title: item.title || '(no title)',
    body: convert(ctx, item, subject, rewriteLink),
    status: status === 'published' ? ('published' as const) : ('draft' as const),
    updatedAt: item.dateGmt,
  };
  if (status === 'scheduled') note(ctx.report, { subject, outcome: 'changed', reason: 'It was scheduled: Hearth pages cannot be, so it is a draft.' });
  const known = await findImported(ctx.index.source, 'page', item.id, tx);
  const id = await write(ctx, () => savePage(tx, known ? Number(known) : null, values), known ? Number(known) : dryId());
  await write(ctx, () => recordImported(tx, ctx.index.source, 'page', item.id, id, ctx.now), undefined);
  count(ctx.report, 'page', known ? 'updated' : 'added');
  if (item.comments.length > 0) note(ctx.report, { subject, outcome: 'skipped', reason: `Its ${item.comments.length} comment(s): Hearth pages have no comments.` });
  await pageRedirects(ctx, tx, ctx.index.items.get(item.id)!, slug);
}

/** One post or page of a batch, inside the batch's transaction. Other item types are not content here. */
export async function importContentItem(ctx: ImportContext, tx: Tx, item: WxrItem, rewriteLink: (url: string) => string | null): Promise<void> {
  if (item.type !== 'post' && item.type !== 'page') return;
  const status = STATUSES[item.status];
  if (!status) {
    count(ctx.report, item.type, 'skipped');
    if (item.status === 'trash') note(ctx.report, { subject: subjectOf(item), outcome: 'skipped', reason: 'In the old site’s trash.' });
    return;
  }
  await (item.type === 'post' ? importPost : importPage)(ctx, tx, item, status, rewriteLink);
}
