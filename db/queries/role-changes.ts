/**
 * Who has which role: an admin's change on /admin/people (logged, never leaving the site without an admin)
 * and the promotion of ADMIN_EMAILS at sign-in.
 */
import 'server-only';
import { and, count, eq, like, or } from 'drizzle-orm';
import { type Db } from '@/db/index';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { users, type UserRole } from '@/db/schema';
import { slugify } from '@/db/slug';
import { lockFor, withTransaction } from '@/db/transaction';

/** At sign-in, for an address listed in ADMIN_EMAILS. */
export async function promoteToAdmin(userId: string): Promise<void> {
  await withTransaction((tx) => tx.update(users).set({ role: 'admin' }).where(eq(users.id, userId)));
}

/** "Robin Ash" → "robin-ash", or "robin-ash-2" when taken: the person's /author/<slug>. */
async function uniqueAuthorSlug(tx: Db, name: string | null): Promise<string> {
  const base =
    slugify(name ?? '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'author';
  const rows = await tx
    .select({ slug: users.slug })
    .from(users)
    .where(or(eq(users.slug, base), like(users.slug, `${base}-%`)));
  const taken = new Set(rows.map((row) => row.slug));
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
export function changeUserRole(actor: Actor, userId: string, role: UserRole, needsAuthorSlug: boolean): Promise<RoleChange> {
  return withTransaction(async (tx): Promise<RoleChange> => {
    // On PostgreSQL two transactions would each count the other's admin still there: role changes take turns.
    await lockFor('role changes');
    const [person] = await tx.select({ name: users.name, role: users.role, slug: users.slug }).from(users).where(eq(users.id, userId)).limit(1);
    if (!person) return { outcome: 'not-found' };
    if (person.role === role) return { outcome: 'unchanged' };
    if (person.role === 'admin') {
      const [{ n: admins }] = await tx.select({ n: count() }).from(users).where(eq(users.role, 'admin'));
      if (admins <= 1) return { outcome: 'last-admin' };
    }
    const slug = person.slug ?? (needsAuthorSlug ? await uniqueAuthorSlug(tx, person.name) : null);
    await tx
      .update(users)
      .set({ role, slug })
      .where(and(eq(users.id, userId), eq(users.role, person.role)));
    await recordActivity(actor, 'person.role', `${person.name ?? 'Unnamed member'} → ${role}`);
    return { outcome: 'changed', name: person.name, slug };
  });
}
