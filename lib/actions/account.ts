'use server';
/** A member's own account: display name, sign-out, deletion. Each action checks the session first. */
import { updateTag } from 'next/cache';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { deleteUser, updateDisplayName } from '@/db/queries/users';
import { signOut } from '@/lib/auth';
import { TAGS } from '@/lib/cache';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { getCurrentUser } from '@/lib/session';
import { deleteAccountSchema } from '@/lib/validations/delete-account';
import { displayNameSchema } from '@/lib/validations/display-name';
import { formFields, invalid, SIGNED_OUT, UNEXPECTED, type ActionState } from './state';

export async function updateDisplayNameAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const parsed = displayNameSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    updateDisplayName(user.id, parsed.data.name);
  } catch (error) {
    console.error('[hearth] display name update failed:', error);
    return UNEXPECTED;
  }
  return { ok: true, message: `Saved. Others now see you as “${parsed.data.name}”.` };
}

/** The first-sign-in step: save the name, then continue to where the person was going. */
export async function chooseDisplayNameAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await updateDisplayNameAction(prev, formData);
  if (!result.ok) return result;
  redirect(safeCallbackPath(String(formData.get('next') ?? '/')) ?? '/');
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}

export async function deleteAccountAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const parsed = deleteAccountSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  let result;
  try {
    result = deleteUser(user.id, parsed.data.comments);
  } catch (error) {
    console.error('[hearth] account deletion failed:', error);
    return UNEXPECTED;
  }
  if (result.outcome === 'has-posts') {
    return { ok: false, message: 'You have written posts on this site. Ask an admin to move them to another author first; nothing was deleted.' };
  }
  // Threads and counts change when comments are kept anonymously or erased.
  updateTag(TAGS.comments);
  for (const slug of result.postSlugs) updateTag(TAGS.post(slug));
  // The session row went with the account; drop the now-useless cookie too.
  const jar = await cookies();
  for (const name of ['authjs.session-token', '__Secure-authjs.session-token']) jar.delete(name);
  redirect('/signin?deleted=1');
}
