/** Changing someone's role: admins only, never your own, and the site always keeps an admin. */
import { changeUserRole } from '@/db/queries/users';
import { canWritePosts } from '@/lib/roles';
import { personRoleSchema, ROLE_LABELS } from '@/lib/validations/person-role';
import { refuseInvalid, refuseUnlessAdmin, type Done, type Refusal, type SiteAdminActor } from './result';

/** userId and role as posted: both are checked here. */
export function setRole(actor: SiteAdminActor, userId: string, role: string): Done | Refusal {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  const parsed = personRoleSchema.safeParse({ userId, role });
  if (!parsed.success) return refuseInvalid(parsed.error);
  const target = parsed.data;
  // An admin who demotes themselves by mistake cannot undo it.
  if (target.userId === actor.id) return { ok: false, message: 'You cannot change your own role. Ask another admin if it needs to change.' };
  const roleName = ROLE_LABELS[target.role].toLowerCase();
  // Anyone who may write posts needs an author page for their byline to link to.
  const change = changeUserRole(actor, target.userId, target.role, canWritePosts(target.role));
  switch (change.outcome) {
    case 'not-found':
      return { ok: false, message: 'That person no longer has an account; nothing was changed.' };
    case 'last-admin':
      return { ok: false, message: 'This is the site’s only admin. Make someone else an admin first, so the site always has one.' };
    case 'unchanged':
      return { ok: true, message: `Nothing to change: they are already ${article(roleName)} ${roleName}.` };
    case 'changed': {
      const who = change.name ?? 'This member';
      const authorPage = change.slug && canWritePosts(target.role) ? ` Their author page is /author/${change.slug}.` : '';
      return { ok: true, message: `Saved: ${who} is now ${article(roleName)} ${roleName}.${authorPage}` };
    }
  }
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');
