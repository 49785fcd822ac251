/**
 * Every database read and write of the WordPress importer (lib/wordpress/import*.ts). Writes take the
 * batch's transaction so a batch lands whole or not at all; `imported_items` maps WordPress ids to rows
 * so running the same export again updates those rows instead of adding twins.
 */
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/index';
import { categories, comments, importedItems, pages, posts, postTags, redirects, tags, uploads, users, type ImportedKind, type UserRole } from '@/db/schema';

type Conn = Transaction | ReturnType<typeof getDb>;
const db = (tx?: Conn) => tx ?? getDb();

export function findImported(source: string, kind: ImportedKind, sourceId: string, tx?: Conn): string | null {
  const row = db(tx)
    .select({ hearthId: importedItems.hearthId })
    .from(importedItems)
    .where(and(eq(importedItems.source, source), eq(importedItems.kind, kind), eq(importedItems.sourceId, sourceId)))
    .get();
  return row?.hearthId ?? null;
}

export function recordImported(tx: Conn | undefined, source: string, kind: ImportedKind, sourceId: string, hearthId: string | number, now: Date): void {
  db(tx)
    .insert(importedItems)
    .values({ source, kind, sourceId, hearthId: String(hearthId), importedAt: now })
    .onConflictDoUpdate({ target: [importedItems.source, importedItems.kind, importedItems.sourceId], set: { hearthId: String(hearthId), importedAt: now } })
    .run();
}

/** Slugs in use per table, so a new row can take a free one. */
export function isSlugTaken(table: 'users' | 'categories' | 'tags' | 'posts' | 'pages', slug: string, tx?: Conn): boolean {
  const t = { users, categories, tags, posts, pages }[table];
  return db(tx).select({ slug: t.slug }).from(t).where(eq(t.slug, slug)).get() !== undefined;
}

export function findUserByEmail(email: string, tx?: Conn) {
  return (
    db(tx)
      .select({ id: users.id, role: users.role, slug: users.slug })
      .from(users)
      .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
      .get() ?? null
  );
}

export function findUserById(id: string, tx?: Conn) {
  return db(tx).select({ id: users.id, role: users.role, slug: users.slug }).from(users).where(eq(users.id, id)).get() ?? null;
}

export function insertUser(tx: Conn | undefined, user: { name: string; email: string; slug: string; role: UserRole }): string {
  return db(tx).insert(users).values(user).returning({ id: users.id }).get().id;
}

export function updateUser(tx: Conn | undefined, id: string, changes: { role?: UserRole; slug?: string }): void {
  if (Object.keys(changes).length > 0) db(tx).update(users).set(changes).where(eq(users.id, id)).run();
}

export function findCategoryBySlug(slug: string, tx?: Conn) {
  return db(tx).select({ id: categories.id, slug: categories.slug }).from(categories).where(eq(categories.slug, slug)).get() ?? null;
}

export function upsertCategory(tx: Conn | undefined, id: number | null, values: { slug: string; name: string; description: string }): { id: number; slug: string } {
  if (id !== null) {
    db(tx).update(categories).set({ name: values.name, description: values.description }).where(eq(categories.id, id)).run();
    return db(tx).select({ id: categories.id, slug: categories.slug }).from(categories).where(eq(categories.id, id)).get()!;
  }
  return db(tx).insert(categories).values(values).returning({ id: categories.id, slug: categories.slug }).get();
}

export function findTagBySlug(slug: string, tx?: Conn) {
  return db(tx).select({ id: tags.id, slug: tags.slug }).from(tags).where(eq(tags.slug, slug)).get() ?? null;
}

export function insertTag(tx: Conn | undefined, values: { slug: string; name: string }): { id: number; slug: string } {
  return db(tx).insert(tags).values(values).returning({ id: tags.id, slug: tags.slug }).get();
}

export type ImportedPost = typeof posts.$inferInsert;

export function postSlug(id: number, tx?: Conn): string | null {
  return db(tx).select({ slug: posts.slug }).from(posts).where(eq(posts.id, id)).get()?.slug ?? null;
}

export function pageSlug(id: number, tx?: Conn): string | null {
  return db(tx).select({ slug: pages.slug }).from(pages).where(eq(pages.id, id)).get()?.slug ?? null;
}

/** Inserts or (on a re-run) updates a post, and sets its tags to exactly these. */
export function savePost(tx: Conn | undefined, id: number | null, values: ImportedPost, tagIds: number[]): number {
  const postId = id !== null ? (db(tx).update(posts).set(values).where(eq(posts.id, id)).run(), id) : db(tx).insert(posts).values(values).returning({ id: posts.id }).get().id;
  db(tx).delete(postTags).where(eq(postTags.postId, postId)).run();
  for (const tagId of new Set(tagIds)) db(tx).insert(postTags).values({ postId, tagId }).run();
  return postId;
}

export function savePage(tx: Conn | undefined, id: number | null, values: typeof pages.$inferInsert): number {
  if (id !== null) {
    db(tx).update(pages).set(values).where(eq(pages.id, id)).run();
    return id;
  }
  return db(tx).insert(pages).values(values).returning({ id: pages.id }).get().id;
}

export function saveComment(tx: Conn | undefined, id: number | null, values: typeof comments.$inferInsert): number {
  if (id !== null) {
    db(tx).update(comments).set(values).where(eq(comments.id, id)).run();
    return id;
  }
  return db(tx).insert(comments).values(values).returning({ id: comments.id }).get().id;
}

export function uploadFile(id: number, tx?: Conn): string | null {
  return db(tx).select({ file: uploads.file }).from(uploads).where(eq(uploads.id, id)).get()?.file ?? null;
}

export function describeUpload(id: number, alt: string, caption: string): void {
  getDb().update(uploads).set({ alt, caption }).where(eq(uploads.id, id)).run();
}

/** A moved address from the import: never overwrites one an admin made (admin-made redirects win). */
export function saveImportRedirect(tx: Conn | undefined, fromPath: string, toPath: string): 'added' | 'updated' | 'kept' {
  const existing = db(tx).select({ origin: redirects.origin }).from(redirects).where(eq(redirects.fromPath, fromPath)).get();
  if (existing?.origin === 'admin') return 'kept';
  db(tx)
    .insert(redirects)
    .values({ fromPath, toPath, origin: 'wordpress' })
    .onConflictDoUpdate({ target: redirects.fromPath, set: { toPath }, where: eq(redirects.origin, 'wordpress') })
    .run();
  return existing ? 'updated' : 'added';
}

export function runInTransaction<T>(work: (tx: Transaction) => T): T {
  return getDb().transaction(work);
}
