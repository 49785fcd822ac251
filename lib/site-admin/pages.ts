/** Creating, editing and deleting static pages: admins only, with slugs that never clash. Values arrive parsed with the editor's schema. */
import { deletePageById, savePageFields } from '@/db/queries/pages';
import type { PageEditorValues } from '@/lib/validations/page-editor';
import { refuseUnlessAdmin, type Done, type Refusal, type SiteAdminActor } from './result';

const PAGE_GONE: Refusal = { ok: false, message: 'That page no longer exists; it may have been deleted in another tab.' };

export function savePage(actor: SiteAdminActor, values: PageEditorValues): Done<{ id: number; created: boolean }> | Refusal {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  const { id, ...fields } = values;
  const existingId = id === '' ? null : Number(id);
  const saved = savePageFields(actor, existingId, fields);
  if (saved.outcome === 'slug-taken') {
    const message = `Another page already uses “/${fields.slug}”. Choose another web address.`;
    return { ok: false, message: 'Please check the highlighted field.', fieldErrors: { slug: [message] } };
  }
  if (saved.outcome !== 'saved') return PAGE_GONE;
  return { ok: true, id: saved.id, created: existingId === null, message: `Saved. The page is at /${fields.slug}.` };
}

export function deletePage(actor: SiteAdminActor, id: number): Done<{ title: string }> | Refusal {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  const deleted = Number.isSafeInteger(id) && id > 0 ? deletePageById(actor, id) : null;
  return deleted ? { ok: true, title: deleted.title, message: `“${deleted.title}” was deleted.` } : PAGE_GONE;
}
