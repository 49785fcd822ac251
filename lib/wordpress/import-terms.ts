/**
 * Categories and tags of the export. Hearth categories are flat: a child category becomes a category of its
 * own (the report names its parent). Their old addresses and feeds redirect to the Hearth ones.
 */
import { findCategoryBySlug, findImported, findTagBySlug, insertTag, recordImported, upsertCategory } from '@/db/queries/wordpress-import';
import { dryId, freeSlug, write, inBatch, type ImportContext, type Tx } from './import-context';
import { addRedirect } from './import-redirects';
import { count, note } from './report';
import type { WxrTerm } from './wxr-types';

/** "/category/health/pacing" for a child, as WordPress addresses it. */
function categoryPath(terms: Map<string, WxrTerm>, term: WxrTerm): string {
  const parts = [term.slug];
  for (let parent = terms.get(term.parentSlug); parent && parts.length < 20; parent = terms.get(parent.parentSlug)) parts.unshift(parent.slug);
  return parts.join('/');
}

async function importCategory(ctx: ImportContext, tx: Tx, term: WxrTerm, bySlug: Map<string, WxrTerm>): Promise<void> {
  const subject = `Category “${term.name}”`;
  const known = await findImported(ctx.index.source, 'category', term.id, tx);
  const same = known ? null : await findCategoryBySlug(term.slug, tx);
  const existingId = known ? Number(known) : same ? same.id : null;
  const slug = existingId === null ? await freeSlug(ctx, 'categories', term.slug, term.name, subject, tx) : '';
  const row = await write(ctx, () => upsertCategory(tx, existingId, { slug, name: term.name, description: term.description }), { id: existingId ?? dryId(), slug: slug || term.slug });
  count(ctx.report, 'category', existingId === null ? 'added' : 'updated');
  if (term.parentSlug)
    note(ctx.report, {
      subject,
      outcome: 'changed',
      reason: `It was inside “${bySlug.get(term.parentSlug)?.name ?? term.parentSlug}”: Hearth categories are not nested, so it is a category of its own.`,
    });
  await write(ctx, () => recordImported(tx, ctx.index.source, 'category', term.id, row.id, ctx.now), undefined);
  ctx.categories.set(term.slug, row);
  const path = categoryPath(bySlug, term);
  await addRedirect(ctx, tx, `/category/${path}`, `/category/${row.slug}`);
  await addRedirect(ctx, tx, `/category/${path}/feed`, `/category/${row.slug}/feed.xml`);
}

/** A tag by WordPress slug: the one this import made or found, else a new one. */
export async function ensureTag(ctx: ImportContext, tx: Tx, term: { id?: string; slug: string; name: string }): Promise<{ id: number; slug: string }> {
  const had = ctx.tags.get(term.slug);
  if (had) return had;
  const known = term.id ? await findImported(ctx.index.source, 'tag', term.id, tx) : null;
  const found = known ? { id: Number(known), slug: term.slug } : await findTagBySlug(term.slug, tx);
  let row = found;
  if (!row) {
    const slug = await freeSlug(ctx, 'tags', term.slug, term.name, `Tag “${term.name}”`, tx);
    row = await write(ctx, () => insertTag(tx, { slug, name: term.name }), { id: dryId(), slug });
    count(ctx.report, 'tag', 'added');
  }
  if (term.id) await write(ctx, () => recordImported(tx, ctx.index.source, 'tag', term.id!, row.id, ctx.now), undefined);
  ctx.tags.set(term.slug, row);
  await addRedirect(ctx, tx, `/tag/${term.slug}`, `/tag/${row.slug}`);
  await addRedirect(ctx, tx, `/tag/${term.slug}/feed`, `/tag/${row.slug}`);
  return row;
}

export async function importTerms(ctx: ImportContext): Promise<void> {
  const bySlug = new Map(ctx.index.terms.filter((t) => t.kind === 'category').map((t) => [t.slug, t]));
  await inBatch(ctx, async (tx) => {
    for (const term of ctx.index.terms) {
      if (term.kind === 'category') await importCategory(ctx, tx, term, bySlug);
      else await ensureTag(ctx, tx, term);
    }
  });
}
