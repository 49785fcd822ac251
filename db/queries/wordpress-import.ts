/**
 * Every database read and write of the WordPress importer (lib/wordpress/import*.ts). Writes take the
 * batch's transaction so a batch lands whole or not at all; `imported_items` maps WordPress ids to rows
 * so running the same export again updates those rows instead of adding twins.
 */
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/index';
import { categories, comments, importedItems, pages, posts, postTags, redirects, tags, uploads, users, type ImportedKind, type UserRole } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

/** The batch's transaction, or none (a dry run's reads; a write then runs in a transaction of its own). */
type Conn = Db | undefined;
const db = (tx?: Conn) => tx ?? getDb();
const writing = <T>(tx: Conn, work: (db: Db) => Promise<T>): Promise<T> => (tx ? work(tx) : withTransaction(work));

export async function findImported(source: string, kind: ImportedKind, sourceId: string, tx?: Conn): Promise<string | null> {
  const [row] = await db(tx)
    .select({ hearthId: importedItems.hearthId })
    .from(importedItems)
    .where(and(eq(importedItems.source, source), eq(importedItems.kind, kind), eq(importedItems.sourceId, sourceId)))
    .limit(1);
  return row?.hearthId ?? null;
}

export async function recordImported(tx: Conn, source: string, kind: ImportedKind, sourceId: string, hearthId: string | number, now: Date): Promise<void> {
  await writing(tx, (w) =>
    w
      .insert(importedItems)
      .values({ source, kind, sourceId, hearthId: String(hearthId), importedAt: now })
      .onConflictDoUpdate({ target: [importedItems.source, importedItems.kind, importedItems.sourceId], set: { hearthId: String(hearthId), importedAt: now } }),
  );
}

/** Slugs in use per table, so a new row can take a free one. */
export async function isSlugTaken(table: 'users' | 'categories' | 'tags' | 'posts' | 'pages', slug: string, tx?: Conn): Promise<boolean> {
  const t = { users, categories, tags, posts, pages }[table];
  return (await db(tx).select({ slug: t.slug }).from(t).where(eq(t.slug, slug)).limit(1)).length > 0;
}

export async function findUserByEmail(email: string, tx?: Conn) {
  const [user] = await db(tx)
    .select({ id: users.id, role: users.role, slug: users.slug })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return user ?? null;
}

export async function findUserById(id: string, tx?: Conn) {
  const [user] = await db(tx).select({ id: users.id, role: users.role, slug: users.slug }).from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

export async function insertUser(tx: Conn, user: { name: string; email: string; slug: string; role: UserRole }): Promise<string> {
  const [row] = await writing(tx, (w) => w.insert(users).values(user).returning({ id: users.id }));
  return row.id;
}

export async function updateUser(tx: Conn, id: string, changes: { role?: UserRole; slug?: string }): Promise<void> {
  if (Object.keys(changes).length > 0) await writing(tx, (w) => w.update(users).set(changes).where(eq(users.id, id)));
}

export async function findCategoryBySlug(slug: string, tx?: Conn) {
  const [category] = await db(tx).select({ id: categories.id, slug: categories.slug }).from(categories).where(eq(categories.slug, slug)).limit(1);
  return category ?? null;
}

export function upsertCategory(tx: Conn, id: number | null, values: { slug: string; name: string; description: string }): Promise<{ id: number; slug: string }> {
  return writing(tx, async (w) => {
    if (id !== null) {
      await w.update(categories).set({ name: values.name, description: values.description }).where(eq(categories.id, id));
      return (await w.select({ id: categories.id, slug: categories.slug }).from(categories).where(eq(categories.id, id)).limit(1))[0];
    }
    return (await w.insert(categories).values(values).returning({ id: categories.id, slug: categories.slug }))[0];
  });
}

export async function findTagBySlug(slug: string, tx?: Conn) {
  const [tag] = await db(tx).select({ id: tags.id, slug: tags.slug }).from(tags).where(eq(tags.slug, slug)).limit(1);
  return tag ?? null;
}

export async function insertTag(tx: Conn, values: { slug: string; name: string }): Promise<{ id: number; slug: string }> {
  const [tag] = await writing(tx, (w) => w.insert(tags).values(values).returning({ id: tags.id, slug: tags.slug }));
  return tag;
}

export type ImportedPost = typeof posts.$inferInsert;

export async function postSlug(id: number, tx?: Conn): Promise<string | null> {
  const [post] = await db(tx).select({ slug: posts.slug }).from(posts).where(eq(posts.id, id)).limit(1);
  return post?.slug ?? null;
}

export async function pageSlug(id: number, tx?: Conn): Promise<string | null> {
  const [page] = await db(tx).select({ slug: pages.slug }).from(pages).where(eq(pages.id, id)).limit(1);
  return page?.slug ?? null;
}

/** Inserts or (on a re-run) updates a post, and sets its tags to exactly these. */
export function savePost(tx: Conn, id: number | null, values: ImportedPost, tagIds: number[]): Promise<number> {
  return writing(tx, async (w) => {
    let postId = id;
    if (postId !== null) await w.update(posts).set(values).where(eq(posts.id, postId));
    else [{ id: postId }] = await w.insert(posts).values(values).returning({ id: posts.id });
    await w.delete(postTags).where(eq(postTags.postId, postId));
    for (const tagId of new Set(tagIds)) await w.insert(postTags).values({ postId, tagId });
    return postId;
  });
}

export function savePage(tx: Conn, id: number | null, values: typeof pages.$inferInsert): Promise<number> {
  return writing(tx, async (w) => {
    if (id !== null) {
      await w.update(pages).set(values).where(eq(pages.id, id));
      return id;
    }
    return (await w.insert(pages).values(values).returning({ id: pages.id }))[0].id;
  });
}

export function saveComment(tx: Conn, id: number | null, values: typeof comments.$inferInsert): Promise<number> {
  return writing(tx, async (w) => {
    if (id !== null) {
      await w.update(comments).set(values).where(eq(comments.id, id));
      return id;
    }
    return (await w.insert(comments).values(values).returning({ id: comments.id }))[0].id;
  });
}

export async function uploadFile(id: number, tx?: Conn): Promise<string | null> {
  const [upload] = await db(tx).select({ file: uploads.file }).from(uploads).where(eq(uploads.id, id)).limit(1);
  return upload?.file ?? null;
}

export async function describeUpload(id: number, alt: string, caption: string): Promise<void> {
  await withTransaction((tx) => tx.update(uploads).set({ alt, caption }).where(eq(uploads.id, id)));
}

/** A moved address from the import: never overwrites one an admin made (admin-made redirects win). */
export function saveImportRedirect(tx: Conn, fromPath: string, toPath: string): Promise<'added' | 'updated' | 'kept'> {
  return writing(tx, async (w) => {
    const [existing] = await w.select({ origin: redirects.origin }).from(redirects).where(eq(redirects.fromPath, fromPath)).limit(1);
    if (existing?.origin === 'admin') return 'kept';
    await w
      .insert(redirects)
      .values({ fromPath, toPath, origin: 'wordpress' })
      .onConflictDoUpdate({ target: redirects.fromPath, set: { toPath }, where: eq(redirects.origin, 'wordpress') });
    return existing ? 'updated' : 'added';
  });
}

export function runInTransaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
  return withTransaction(work);
}
