/**
 * What the site-admin rules answer: the same shape as an action's state, so a server action can hand
 * it straight to the form, plus whatever the caller needs next (a new page's id).
 */
import type { z } from 'zod';
import type { CurrentUser } from '@/lib/session';
import { invalid, type ActionState } from '@/lib/actions/state';
import { isAdmin } from '@/lib/roles';

/** Who is acting: the signed-in user as getCurrentUser() returns them. */
export type SiteAdminActor = CurrentUser;

export type Refusal = ActionState & { ok: false };
export type Done<Extra = object> = { ok: true; message: string } & Extra;

const ADMINS_ONLY: Refusal = { ok: false, message: 'Only the site’s admins can do that; nothing was changed.' };

/** The refusal for anyone who is not an admin, or null when the actor may go on. */
export const refuseUnlessAdmin = (actor: SiteAdminActor): Refusal | null => (isAdmin(actor.role) ? null : ADMINS_ONLY);

export const refuseInvalid = (error: z.ZodError): Refusal => ({ ...invalid(error), ok: false });
