/**
 * Working copies and revisions of posts and pages, one set of queries for both: a working copy holds the
 * unpublished edits of something readers can see (one per post or page), a revision what it said after
 * each publish or update. Both store the editor's fields as a JSON object the rules in lib/editorial shape.
 */
import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import type { Actor } from '@/db/queries/activity';
import { pageRevisions, pageWorkingCopies, postRevisions, postWorkingCopies, users } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

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

export const REVISIONS_SHOWN = 30;

export async function getWorkingCopy(kind: EditedKind, id: number): Promise<WorkingCopy | null> {
  const { copies, copyOwner } = TABLES[kind];
  const [copy] = await getDb()
    .select({ fields: copies.fields, savedAt: copies.savedAt, savedByName: users.name })
    .from(copies)
    .leftJoin(users, eq(users.id, copies.savedById))
    .where(eq(copyOwner, id))
    .limit(1);
  return copy ?? null;
}

/** Creates or replaces the working copy (inside the caller's transaction, if any). */
export async function saveWorkingCopy(kind: EditedKind, id: number, fields: StoredFields, actor: Actor, now: Date): Promise<void> {
  const { copies, copyOwner, key } = TABLES[kind];
  await withTransaction((tx) =>
    tx
      .insert(copies)
      .values({ [key]: id, fields, savedById: actor.id, savedAt: now } as typeof postWorkingCopies.$inferInsert)
      .onConflictDoUpdate({ target: copyOwner, set: { fields, savedById: actor.id, savedAt: now } }),
  );
}

/** Drops the working copy (inside the caller's transaction, if any); says whether there was one. */
export async function deleteWorkingCopy(kind: EditedKind, id: number): Promise<boolean> {
  const { copies, copyOwner } = TABLES[kind];
  const deleted = await withTransaction((tx) => tx.delete(copies).where(eq(copyOwner, id)).returning({ id: copyOwner }));
  return deleted.length > 0;
}

/** Newest first (inside the caller's transaction, if any: it sees that transaction's revisions). */
export async function listRevisions(kind: EditedKind, id: number): Promise<Revision[]> {
  const { revisions, revisionOwner } = TABLES[kind];
  return getDb()
    .select({ id: revisions.id, fields: revisions.fields, authorName: revisions.authorName, createdAt: revisions.createdAt })
    .from(revisions)
    .where(eq(revisionOwner, id))
    .orderBy(desc(revisions.createdAt), desc(revisions.id))
    .limit(REVISIONS_SHOWN);
}

/** One revision, only if it belongs to that post or page. */
export async function getRevision(kind: EditedKind, id: number, revisionId: number): Promise<Revision | null> {
  const { revisions, revisionOwner } = TABLES[kind];
  const [revision] = await getDb()
    .select({ id: revisions.id, fields: revisions.fields, authorName: revisions.authorName, createdAt: revisions.createdAt })
    .from(revisions)
    .where(and(eq(revisionOwner, id), eq(revisions.id, revisionId)))
    .limit(1);
  return revision ?? null;
}

/** Keeps a version, unless it says exactly what the latest one says. `author` names who made it, as named now (id null: nobody known). */
export function recordRevision(kind: EditedKind, id: number, fields: StoredFields, author: { id: string | null; name: string }, now: Date): Promise<void> {
  const { revisions, key } = TABLES[kind];
  return withTransaction(async (tx) => {
    const [latest] = await listRevisions(kind, id);
    if (latest && JSON.stringify(latest.fields) === JSON.stringify(fields)) return;
    await tx.insert(revisions).values({ [key]: id, fields, authorId: author.id, authorName: author.name, createdAt: now } as typeof postRevisions.$inferInsert);
  });
}
