/**
 * People: public reads show only what may be shown to anyone (never an email address); the admin reads
 * and role changes at the end are for /admin/people only.
 */
import 'server-only';
import { and, asc, count, eq, like, ne, or } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/index';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { containsText } from '@/db/queries/contains-text';
import { users, type UserRole } from '@/db/schema';
import { slugify } from '@/db/slug';

export type AuthorProfile = { id: string; slug: string; name: string; bio: string };

export function getAuthorBySlug(slug: string): AuthorProfile | null {
  const row = getDb()
    .select({ id: users.id, slug: users.slug, name: users.name, bio: users.bio })
    .from(users)
    .where(eq(users.slug, slug))
    .get();
  if (!row || !row.slug) return null;
  return { id: row.id, slug: row.slug, name: row.name ?? 'Unnamed author', bio: row.bio ?? '' };
}

export function promoteToAdmin(userId: string): void {
  getDb().update(users).set({ role: 'admin' }).where(eq(users.id, userId)).run();
}

/** What a member sees of themselves on /account (their own email included). */
export type OwnAccount = { id: string; name: string | null; email: string; role: string; replyNotifications: string; joinedAt: string };

export function getOwnAccount(userId: string): OwnAccount | null {
  const row = getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, replyNotifications: users.replyNotifications, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  return row
    ? { id: row.id, name: row.name, email: row.email, role: row.role, replyNotifications: row.replyNotifications, joinedAt: row.createdAt.toISOString() }
    : null;
}

export function updateDisplayName(userId: string, name: string): void {
  getDb().update(users).set({ name }).where(eq(users.id, userId)).run();
}

/** A row of /admin/people. Carries the email address: admins only. */
export type PersonRow = { id: string; name: string | null; email: string; role: UserRole; joinedAt: Date };

const personColumns = { id: users.id, name: users.name, email: users.email, role: users.role, joinedAt: users.createdAt };

/** Everyone with more than the member role, by role then name. */
export function listStaff(): PersonRow[] {
  return getDb().select(personColumns).from(users).where(ne(users.role, 'member')).orderBy(asc(users.role), asc(users.name)).all();
}

export const PEOPLE_SEARCH_LIMIT = 20;

/** Anyone whose email or display name contains the text. */
export function searchPeople(text: string): PersonRow[] {
  return getDb()
    .select(personColumns)
    .from(users)
    .where(or(containsText(users.email, text), containsText(users.name, text)))
    .orderBy(asc(users.name), asc(users.email))
    .limit(PEOPLE_SEARCH_LIMIT)
    .all();
}

/** "Robin Ash" → "robin-ash", or "robin-ash-2" when taken: the person's /author/<slug>. */
function uniqueAuthorSlug(tx: Transaction, name: string | null): string {
  const base = slugify(name ?? '').slice(0, 60).replace(/-+$/, '') || 'author';
  const taken = new Set(
    tx
      .select({ slug: users.slug })
      .from(users)
      .where(or(eq(users.slug, base), like(users.slug, `${base}-%`)))
      .all()
      .map((row) => row.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

export type RoleChange = { outcome: 'changed'; name: string | null; slug: string | null } | { outcome: 'not-found' | 'unchanged' | 'last-admin' };

/**
 * Gives someone a new role, logged in the same transaction. The admin count is read inside the
 * transaction so two admins demoting each other at the same moment cannot leave the site without one.
 * With needsAuthorSlug, someone without an author page gets a unique slug for /author/<slug>.
 */
export function changeUserRole(actor: Actor, userId: string, role: UserRole, needsAuthorSlug: boolean): RoleChange {
  return getDb().transaction(
    (tx): RoleChange => {
      const person = tx.select({ name: users.name, role: users.role, slug: users.slug }).from(users).where(eq(users.id, userId)).get();
      if (!person) return { outcome: 'not-found' };
      if (person.role === role) return { outcome: 'unchanged' };
      if (person.role === 'admin') {
        const admins = tx.select({ n: count() }).from(users).where(eq(users.role, 'admin')).get()!.n;
        if (admins <= 1) return { outcome: 'last-admin' };
      }
      const slug = person.slug ?? (needsAuthorSlug ? uniqueAuthorSlug(tx, person.name) : null);
      tx.update(users).set({ role, slug }).where(and(eq(users.id, userId), eq(users.role, person.role))).run();
      recordActivity(tx, actor, 'person.role', `${person.name ?? 'Unnamed member'} → ${role}`);
      return { outcome: 'changed', name: person.name, slug };
    },
    { behavior: 'immediate' },
  );
}
