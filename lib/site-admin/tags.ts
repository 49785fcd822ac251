/** Tags from the browser: rename, merge, delete; admins only. Values arrive parsed. */
import { deleteTagById, mergeTag, renameTag } from '@/db/queries/tag-admin';
import { refuseUnlessAdmin, type Done, type Refusal } from './result';
import type { CurrentUser } from '@/lib/session';

const TAG_GONE: Refusal = { ok: false, message: 'That tag no longer exists; it may have been merged or deleted in another tab.' };

export async function renameTagTo(actor: CurrentUser, id: number, fields: { name: string; slug: string }): Promise<Done | Refusal> {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  const saved = await renameTag(actor, id, fields);
  if (saved.outcome === 'slug-taken') {
    const message = `Another tag already uses “/tag/${fields.slug}”. To join the two, merge them instead.`;
    return { ok: false, message: 'Please check the highlighted field.', fieldErrors: { slug: [message] } };
  }
  return saved.outcome === 'saved' ? { ok: true, message: `Saved “${fields.name}”, at /tag/${saved.slug}.` } : TAG_GONE;
}

export async function mergeTagInto(actor: CurrentUser, id: number, intoId: number): Promise<Done | Refusal> {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  const merged = await mergeTag(actor, id, intoId);
  if (merged.outcome === 'same-tag') return { ok: false, message: 'Please check the highlighted field.', fieldErrors: { intoId: ['Choose a different tag to merge into.'] } };
  return merged.outcome === 'merged' ? { ok: true, message: `“${merged.from}” was merged into “${merged.into}”.` } : TAG_GONE;
}

export async function deleteTag(actor: CurrentUser, id: number): Promise<Done | Refusal> {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  const deleted = await deleteTagById(actor, id);
  return deleted ? { ok: true, message: `“${deleted.name}” was deleted.` } : TAG_GONE;
}
