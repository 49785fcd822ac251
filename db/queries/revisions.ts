/**
 * Working copies and revisions of posts and pages, one set of queries for both: a working copy holds the
 * unpublished edits of something readers can see (one per post or page), a revision what it said after
 * each publish or update. Both store the editor's fields as a JSON object the rules in lib/editorial shape.
 */
import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb, type Db, type Transaction } from '@/db/index';
import type { Actor } from '@/db/queries/activity';
import { pageRevisions, pageWorkingCopies, postRevisions, postWorkingCopies, users } from '@/db/schema';

export type EditedKind = 'post' | 'page';
export type StoredFields = Record<string, unknown>;
export type WorkingCopy = { fields: StoredFields; savedAt: Date; savedByName: string | null };
export type Revision = { id: number; fields: StoredFields; authorName: string; createdAt: Date };

// Both kinds have the same columns apart from the owner's id; the post tables' types describe both.
const TABLES = {
  post: { copies: postWorkingCopies, copyOwner: postWorkingCopies.postId, revisions: postRevisions, revisionOwner: postRevisions.postId, key: 'postId' },
  page: {
    copies: pageWorkingCopies as unknown as typeof postWorkingCopies,
    copyOwner: pageWorkingCopies.pageId,
    revisions: pageRevisions as unknown as typeof postRevisions,
    revisionOwner: pageRevisions.pageId,
    key: 'pageId',
  },
} as const;

type Writer = Pick<Db | Transaction, 'insert' | 'delete' | 'select'>;

export const REVISIONS_SHOWN = 30;

export function getWorkingCopy(kind: EditedKind, id: number): WorkingCopy | null {
  const { copies, copyOwner } = TABLES[kind];
  return (
    getDb().select({ fields: copies.fields, savedAt: copies.savedAt, savedByName: users.name }).from(copies).leftJoin(users, eq(users.id, copies.savedById)).where(eq(copyOwner, id)).get() ?? null
  );
}

/** Creates or replaces the working copy. */
export function saveWorkingCopy(kind: EditedKind, id: number, fields: StoredFields, actor: Actor, now: Date, writer: Writer = getDb()): void {
  const { copies, copyOwner, key } = TABLES[kind];
  writer
    .insert(copies)
    .values({ [key]: id, fields, savedById: actor.id, savedAt: now } as typeof postWorkingCopies.$inferInsert)
    .onConflictDoUpdate({ target: copyOwner, set: { fields, savedById: actor.id, savedAt: now } })
    .run();
}

/** Drops the working copy; says whether there was one. */
export function deleteWorkingCopy(kind: EditedKind, id: number, writer: Writer = getDb()): boolean {
  const { copies, copyOwner } = TABLES[kind];
  return writer.delete(copies).where(eq(copyOwner, id)).run().changes > 0;
}

/** Newest first. */
export function listRevisions(kind: EditedKind, id: number, reader: Writer = getDb()): Revision[] {
  const { revisions, revisionOwner } = TABLES[kind];
  return reader
    .select({ id: revisions.id, fields: revisions.fields, authorName: revisions.authorName, createdAt: revisions.createdAt })
    .from(revisions)
    .where(eq(revisionOwner, id))
    .orderBy(desc(revisions.createdAt), desc(revisions.id))
    .limit(REVISIONS_SHOWN)
    .all();
}

/** One revision, only if it belongs to that post or page. */
export function getRevision(kind: EditedKind, id: number, revisionId: number): Revision | null {
  const { revisions, revisionOwner } = TABLES[kind];
  return (
    getDb()
      .select({ id: revisions.id, fields: revisions.fields, authorName: revisions.authorName, createdAt: revisions.createdAt })
      .from(revisions)
      .where(and(eq(revisionOwner, id), eq(revisions.id, revisionId)))
      .get() ?? null
  );
}

/** Keeps a version, unless it says exactly what the latest one says. `author` names who made it, as named now (id null: nobody known). */
export function recordRevision(tx: Writer, kind: EditedKind, id: number, fields: StoredFields, author: { id: string | null; name: string }, now: Date): void {
  const { revisions, key } = TABLES[kind];
  const [latest] = listRevisions(kind, id, tx);
  if (latest && JSON.stringify(latest.fields) === JSON.stringify(fields)) return;
  tx.insert(revisions)
    .values({ [key]: id, fields, authorId: author.id, authorName: author.name, createdAt: now } as typeof postRevisions.$inferInsert)
    .run();
}
