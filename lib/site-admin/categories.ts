/** Categories from the browser: admins only, slugs that never clash, posts and followers never left behind. Values arrive parsed. */
import { deleteCategoryInto, moveCategory, saveCategoryFields } from '@/db/queries/category-admin';
import type { CategoryValues } from '@/lib/validations/taxonomy';
import { refuseUnlessAdmin, type Done, type Refusal } from './result';
import type { CurrentUser } from '@/lib/session';

const CATEGORY_GONE: Refusal = { ok: false, message: 'That category no longer exists; it may have been deleted in another tab.' };
const fieldError = (field: string, message: string): Refusal => ({ ok: false, message: 'Please check the highlighted field.', fieldErrors: { [field]: [message] } });

export async function saveCategory(actor: CurrentUser, values: CategoryValues): Promise<Done<{ created: boolean }> | Refusal> {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  const { id, ...fields } = values;
  const saved = await saveCategoryFields(actor, id === '' ? null : Number(id), fields);
  if (saved.outcome === 'slug-taken') return fieldError('slug', `Another category already uses “/category/${fields.slug}”. Choose another web address.`);
  if (saved.outcome === 'not-found') return CATEGORY_GONE;
  const moved = saved.oldSlug ? ` The old address /category/${saved.oldSlug} now leads there.` : '';
  return { ok: true, created: id === '', message: `Saved “${fields.name}”, at /category/${saved.slug}.${moved}` };
}

export async function moveCategoryOnePlace(actor: CurrentUser, id: number, direction: 'up' | 'down'): Promise<Done | Refusal> {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  return (await moveCategory(actor, id, direction)) ? { ok: true, message: `Moved ${direction}.` } : CATEGORY_GONE;
}

export async function deleteCategory(actor: CurrentUser, id: number, targetId: number | null): Promise<Done | Refusal> {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  const deleted = await deleteCategoryInto(actor, id, targetId);
  if (deleted.outcome === 'target-needed') return fieldError('targetId', 'This category has posts: choose the category they move to.');
  if (deleted.outcome === 'bad-target') return fieldError('targetId', 'Choose another existing category for its posts.');
  if (deleted.outcome === 'not-found') return CATEGORY_GONE;
  const moved = deleted.into ? ` Its ${deleted.moved === 1 ? 'post' : `${deleted.moved} posts`} and followers are now in “${deleted.into}”.` : '';
  return { ok: true, message: `“${deleted.name}” was deleted.${moved}` };
}
