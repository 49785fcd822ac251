/**
 * The admins' changes to tags (/admin/tags): rename (the old address redirects), merge one into another
 * (each post keeps one copy; the merged address redirects), delete. One transaction each, logged.
 */
import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { postTags, tagRedirects, tags } from '@/db/schema';

export type AdminTag = { id: number; slug: string; name: string; posts: number };
export type TagRename = { outcome: 'saved'; slug: string } | { outcome: 'slug-taken' } | { outcome: 'not-found' };
export type TagMerge = { outcome: 'merged'; from: string; into: string } | { outcome: 'not-found' } | { outcome: 'same-tag' };

const immediate = { behavior: 'immediate' } as const;

export function listTagsForAdmin(): AdminTag[] {
  const postCount = sql<number>`(SELECT count(*) FROM ${postTags} WHERE ${postTags.tagId} = ${tags.id})`.mapWith(Number);
  return getDb().select({ id: tags.id, slug: tags.slug, name: tags.name, posts: postCount }).from(tags).orderBy(asc(tags.name)).all();
}

export function renameTag(actor: Actor, id: number, fields: { name: string; slug: string }): TagRename {
  return getDb().transaction((tx): TagRename => {
    if (
      tx
        .select({ id: tags.id })
        .from(tags)
        .where(and(eq(tags.slug, fields.slug), ne(tags.id, id)))
        .get()
    )
      return { outcome: 'slug-taken' };
    const before = tx.select({ slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.id, id)).get();
    if (!before) return { outcome: 'not-found' };
    tx.delete(tagRedirects).where(eq(tagRedirects.oldSlug, fields.slug)).run();
    tx.update(tags).set(fields).where(eq(tags.id, id)).run();
    if (before.slug !== fields.slug) tx.insert(tagRedirects).values({ oldSlug: before.slug, tagId: id }).run();
    recordActivity(tx, actor, 'tag.rename', `“${before.name}” → “${fields.name}”`);
    return { outcome: 'saved', slug: fields.slug };
  }, immediate);
}

export function mergeTag(actor: Actor, fromId: number, intoId: number): TagMerge {
  if (fromId === intoId) return { outcome: 'same-tag' };
  return getDb().transaction((tx): TagMerge => {
    const from = tx.select({ slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.id, fromId)).get();
    const into = tx.select({ name: tags.name }).from(tags).where(eq(tags.id, intoId)).get();
    if (!from || !into) return { outcome: 'not-found' };
    tx.run(sql`INSERT OR IGNORE INTO ${postTags} (post_id, tag_id) SELECT post_id, ${intoId} FROM ${postTags} WHERE tag_id = ${fromId}`);
    tx.update(tagRedirects).set({ tagId: intoId }).where(eq(tagRedirects.tagId, fromId)).run();
    tx.insert(tagRedirects).values({ oldSlug: from.slug, tagId: intoId }).run();
    tx.delete(tags).where(eq(tags.id, fromId)).run();
    recordActivity(tx, actor, 'tag.merge', `“${from.name}” into “${into.name}”`);
    return { outcome: 'merged', from: from.name, into: into.name };
  }, immediate);
}

/** Deletes a tag (posts simply lose it); null when it was already gone. */
export function deleteTagById(actor: Actor, id: number): { name: string } | null {
  return getDb().transaction((tx) => {
    const tag = tx.select({ name: tags.name }).from(tags).where(eq(tags.id, id)).get();
    if (!tag) return null;
    tx.delete(tags).where(eq(tags.id, id)).run();
    recordActivity(tx, actor, 'tag.delete', `“${tag.name}”`);
    return tag;
  }, immediate);
}
