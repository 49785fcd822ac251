/**
 * Who has which role: an admin's change on /admin/people (logged, never leaving the site without an admin)
 * and the promotion of ADMIN_EMAILS at sign-in.
 */
import 'server-only';
import { and, count, eq, like, or } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/index';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { users, type UserRole } from '@/db/schema';
import { slugify } from '@/db/slug';

/** At sign-in, for an address listed in ADMIN_EMAILS. */
export function promoteToAdmin(userId: string): void {
  getDb().update(users).set({ role: 'admin' }).where(eq(users.id, userId)).run();
}

/** "Robin Ash" → "robin-ash", or "robin-ash-2" when taken: the person's /author/<slug>. */
function uniqueAuthorSlug(tx: Transaction, name: string | null): string {
  const base =
    slugify(name ?? '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'author';
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
      tx.update(users)
        .set({ role, slug })
        .where(and(eq(users.id, userId), eq(users.role, person.role)))
        .run();
      recordActivity(tx, actor, 'person.role', `${person.name ?? 'Unnamed member'} → ${role}`);
      return { outcome: 'changed', name: person.name, slug };
    },
    { behavior: 'immediate' },
  );
}
