/** Saving the navigation menu: admins only; the whole menu is replaced in one go, or nothing changes. */
import { replaceMenu } from '@/db/queries/menu';
import type { MenuValues } from '@/lib/validations/menu';
import { refuseUnlessAdmin, type Done, type Refusal } from './result';
import type { CurrentUser } from '@/lib/session';

export async function saveMenu(actor: CurrentUser, { menu }: MenuValues): Promise<Done | Refusal> {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  const saved = await replaceMenu(actor, menu);
  if (saved.outcome === 'missing') return { ok: false, message: 'A page or category in the menu no longer exists (deleted in another tab?). Reload the page; nothing was changed.' };
  return { ok: true, message: `The menu was saved (${saved.items} ${saved.items === 1 ? 'item' : 'items'}). Readers see it now.` };
}
