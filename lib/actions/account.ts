'use server';
/** A member's own account: display name, sign-out, deletion. Each runs inside the action wrapper. */
import { updateTag } from 'next/cache';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { deleteUser } from '@/db/queries/account-deletion';
import { updateDisplayName } from '@/db/queries/member-account';
import { signOut } from '@/lib/auth';
import { TAGS } from '@/lib/cache';
import { addressRateLimitKeys } from '@/lib/rate-limit';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { SESSION_COOKIE_NAMES } from '@/lib/session-cookie';
import { deleteAccountSchema } from '@/lib/validations/delete-account';
import { displayNameSchema, welcomeNameSchema } from '@/lib/validations/display-name';
import { signOutSchema } from '@/lib/validations/one-button';
import { argsAction, formAction } from './guarded';

export const updateDisplayNameAction = formAction({ name: 'display name', access: 'member', schema: displayNameSchema }, async ({ name }, user) => {
  await updateDisplayName(user.id, name);
  return { ok: true, message: `Saved. Others now see you as “${name}”.` };
});

/** The first-sign-in step: save the name, then continue to where the person was going. */
export const chooseDisplayNameAction = formAction({ name: 'welcome name', access: 'member', schema: welcomeNameSchema }, async ({ name, next }, user) => {
  await updateDisplayName(user.id, name);
  redirect(safeCallbackPath(next) ?? '/');
});

/** Signed out or not, the person ends up signed out on the home page. */
const signOutGuarded = argsAction({ name: 'sign out', access: 'anyone', schema: signOutSchema }, () => signOut({ redirectTo: '/' }));
/** The sign-out button is a bare `<form action>`, which takes a function answering nothing; a failure is still logged with a reference. */
export async function signOutAction(...args: unknown[]): Promise<void> {
  await signOutGuarded(...args);
}

export const deleteAccountAction = formAction({ name: 'account deletion', access: 'member', schema: deleteAccountSchema }, async ({ comments }, user) => {
  const result = await deleteUser(user.id, comments, addressRateLimitKeys);
  if (result.outcome === 'has-posts') {
    return { ok: false, message: 'You have written posts on this site. Ask an admin to move them to another author first; nothing was deleted.' };
  }
  // Threads and counts change when comments are kept anonymously or erased.
  updateTag(TAGS.comments);
  for (const slug of result.postSlugs) updateTag(TAGS.post(slug));
  // The session row went with the account; drop the now-useless cookie too.
  const jar = await cookies();
  for (const name of SESSION_COOKIE_NAMES) jar.delete(name);
  redirect('/signin?deleted=1');
});
