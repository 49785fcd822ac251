/**
 * What the site-admin rules answer: the same shape as an action's state, so a server action can hand
 * it straight to the form, plus whatever the caller needs next (a new page's id).
 */
import type { CurrentUser } from '@/lib/session';
import type { ActionState } from '@/lib/actions/state';
import { isAdmin } from '@/lib/roles';

export type Refusal = ActionState & { ok: false };
export type Done<Extra = object> = { ok: true; message: string } & Extra;

/** The action wrapper's refusal too, so a non-admin reads the same words whichever check stops them. */
export const ADMINS_ONLY_MESSAGE = 'Only the site’s admins can do that; nothing was changed.';
const ADMINS_ONLY: Refusal = { ok: false, message: ADMINS_ONLY_MESSAGE };

/** The refusal for anyone who is not an admin, or null when the actor may go on (the rules hold for any caller). */
export const refuseUnlessAdmin = (actor: CurrentUser): Refusal | null => (isAdmin(actor.role) ? null : ADMINS_ONLY);
