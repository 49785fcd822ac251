/** Changing someone's role: admins only, never your own, and the site always keeps an admin. */
import { changeUserRole } from '@/db/queries/role-changes';
import { canWritePosts } from '@/lib/roles';
import { ROLE_LABELS, type PersonRoleValues } from '@/lib/validations/person-role';
import { refuseUnlessAdmin, type Done, type Refusal } from './result';
import type { CurrentUser } from '@/lib/session';

/** Who and which role, already parsed with the form's schema. */
export async function setRole(actor: CurrentUser, target: PersonRoleValues): Promise<Done | Refusal> {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  // An admin who demotes themselves by mistake cannot undo it.
  if (target.userId === actor.id) return { ok: false, message: 'You cannot change your own role. Ask another admin if it needs to change.' };
  const roleName = ROLE_LABELS[target.role].toLowerCase();
  // Anyone who may write posts needs an author page for their byline to link to.
  const change = await changeUserRole(actor, target.userId, target.role, canWritePosts(target.role));
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
