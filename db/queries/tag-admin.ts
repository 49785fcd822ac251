/**
 * The admins' changes to tags (/admin/tags): rename (the old address redirects), merge one into another
 * (each post keeps one copy; the merged address redirects), delete. One transaction each, logged.
 */
import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { postTags, tagRedirects, tags } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

export type AdminTag = { id: number; slug: string; name: string; posts: number };
export type TagRename = { outcome: 'saved'; slug: string } | { outcome: 'slug-taken' } | { outcome: 'not-found' };
export type TagMerge = { outcome: 'merged'; from: string; into: string } | { outcome: 'not-found' } | { outcome: 'same-tag' };

export async function listTagsForAdmin(): Promise<AdminTag[]> {
  const postCount = sql<number>`(SELECT count(*) FROM ${postTags} WHERE ${postTags.tagId} = ${tags.id})`.mapWith(Number);
  return getDb().select({ id: tags.id, slug: tags.slug, name: tags.name, posts: postCount }).from(tags).orderBy(asc(tags.name));
}

export function renameTag(actor: Actor, id: number, fields: { name: string; slug: string }): Promise<TagRename> {
  return withTransaction(async (tx): Promise<TagRename> => {
    const [clash] = await tx
      .select({ id: tags.id })
      .from(tags)
      .where(and(eq(tags.slug, fields.slug), ne(tags.id, id)))
      .limit(1);
    if (clash) return { outcome: 'slug-taken' };
    const [before] = await tx.select({ slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.id, id)).limit(1);
    if (!before) return { outcome: 'not-found' };
    await tx.delete(tagRedirects).where(eq(tagRedirects.oldSlug, fields.slug));
    await tx.update(tags).set(fields).where(eq(tags.id, id));
    if (before.slug !== fields.slug) await tx.insert(tagRedirects).values({ oldSlug: before.slug, tagId: id });
    await recordActivity(actor, 'tag.rename', `“${before.name}” → “${fields.name}”`);
    return { outcome: 'saved', slug: fields.slug };
  });
}

export async function mergeTag(actor: Actor, fromId: number, intoId: number): Promise<TagMerge> {
  if (fromId === intoId) return { outcome: 'same-tag' };
  return withTransaction(async (tx): Promise<TagMerge> => {
    const [from] = await tx.select({ slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.id, fromId)).limit(1);
    const [into] = await tx.select({ name: tags.name }).from(tags).where(eq(tags.id, intoId)).limit(1);
    if (!from || !into) return { outcome: 'not-found' };
    await tx
      .insert(postTags)
      .select(
        tx
          .select({ postId: postTags.postId, tagId: sql<number>`${intoId}`.as('tag_id') })
          .from(postTags)
          .where(eq(postTags.tagId, fromId)),
      )
      .onConflictDoNothing();
    await tx.update(tagRedirects).set({ tagId: intoId }).where(eq(tagRedirects.tagId, fromId));
    await tx.insert(tagRedirects).values({ oldSlug: from.slug, tagId: intoId });
    await tx.delete(tags).where(eq(tags.id, fromId));
    await recordActivity(actor, 'tag.merge', `“${from.name}” into “${into.name}”`);
    return { outcome: 'merged', from: from.name, into: into.name };
  });
}

/** Deletes a tag (posts simply lose it); null when it was already gone. */
export function deleteTagById(actor: Actor, id: number): Promise<{ name: string } | null> {
  return withTransaction(async (tx) => {
    const [tag] = await tx.select({ name: tags.name }).from(tags).where(eq(tags.id, id)).limit(1);
    if (!tag) return null;
    await tx.delete(tags).where(eq(tags.id, id));
    await recordActivity(actor, 'tag.delete', `“${tag.name}”`);
    return tag;
  });
}
