/** Redirects from /admin/redirects: add, edit, remove; admins only. Values arrive parsed (lib/validations/redirect.ts). */
import 'server-only';
import { deleteRedirect, saveRedirect } from '@/db/queries/redirects';
import { refuseUnlessAdmin, type Done, type Refusal } from '@/lib/site-admin/result';
import type { CurrentUser } from '@/lib/session';
import type { RedirectValues } from '@/lib/validations/redirect';
import { liveAddressProblem } from './live-address';
import { reachesRedirectLookup } from './reachable';

const REDIRECT_GONE: Refusal = { ok: false, message: 'That redirect no longer exists; it may have been removed in another tab.' };
const fromProblem = (message: string): Refusal => ({ ok: false, message: 'Please check the highlighted field.', fieldErrors: { fromPath: [message] } });

export async function saveAdminRedirect(actor: CurrentUser, values: RedirectValues): Promise<Done<{ fromPath: string }> | Refusal> {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  const live = await liveAddressProblem(values.fromPath);
  if (live) return fromProblem(`${live} A redirect from it would never be used.`);
  if (!reachesRedirectLookup(values.fromPath)) {
    return fromProblem(
      'Hearth can redirect a one-part address (/old-page), a WordPress address (/2024/05/01/…, /wp-content/…, /?p=42) or one under /posts/, /category/, /tag/ or /author/, but not this one.',
    );
  }
  const saved = await saveRedirect(values);
  if (saved.outcome === 'duplicate') return fromProblem(`There is already a redirect from “${values.fromPath}”. Search for it and edit that one.`);
  if (saved.outcome === 'gone') return REDIRECT_GONE;
  return { ok: true, message: `Saved: “${values.fromPath}” now goes to “${values.toPath}”.`, fromPath: values.fromPath };
}

export async function removeAdminRedirect(actor: CurrentUser, id: number): Promise<Done<{ fromPath: string }> | Refusal> {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  const removed = await deleteRedirect(id);
  return removed ? { ok: true, message: `Removed the redirect from “${removed.fromPath}”.`, fromPath: removed.fromPath } : REDIRECT_GONE;
}
