'use server';
/**
 * Redirects from /admin/redirects. The wrapper checks the admin role and parses the form; the rule in
 * lib/redirects/manage.ts checks again and writes. The old address's cached answer (a 404, or the
 * redirect it had before) is dropped, so the change is served at once.
 */
import { revalidatePath } from 'next/cache';
import { removeAdminRedirect, saveAdminRedirect } from '@/lib/redirects/manage';
import { ADMINS_ONLY_MESSAGE } from '@/lib/site-admin/result';
import { ADMINS } from '@/lib/roles';
import { redirectIdSchema, redirectSchema } from '@/lib/validations/redirect';
import { formAction } from './guarded';

const admins = { roles: ADMINS, refusal: ADMINS_ONLY_MESSAGE };

/** Cached answers live under the path without its query; the query forms (/?p=42) are never cached. */
const dropCachedAnswer = (fromPath: string) => {
  if (!fromPath.includes('?')) revalidatePath(fromPath);
};

export const saveRedirectAction = formAction({ name: 'redirect save', access: admins, schema: redirectSchema }, async (values, user) => {
  const result = await saveAdminRedirect(user, values);
  if (result.ok) dropCachedAnswer(result.fromPath);
  return result;
});

export const removeRedirectAction = formAction({ name: 'redirect removal', access: admins, schema: redirectIdSchema }, async ({ id }, user) => {
  const result = await removeAdminRedirect(user, id);
  if (result.ok) dropCachedAnswer(result.fromPath);
  return result;
});
