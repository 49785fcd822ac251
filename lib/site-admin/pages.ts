/**
 * Creating, editing, publishing and deleting static pages: admins only, with slugs that never clash.
 * A new page starts as a draft; a published page's edits are kept privately (a working copy) until Update,
 * which keeps the version as a revision (lib/site-admin/page-changes.ts). Values arrive parsed with the editor's schema.
 * `stale` says whether anything readers see changed (the site tag must be refreshed). Each change is one
 * transaction with the checks that allow it.
 */
import { deletePageById, getEditablePage, isPageSlugTaken, savePageFields, unpublishPageById, type PageFields } from '@/db/queries/pages';
import { saveWorkingCopy } from '@/db/queries/revisions';
import { getSiteIdentity } from '@/db/queries/settings';
import { withTransaction } from '@/db/transaction';
import { editsGoPrivately, savedPrivatelyAt } from '@/lib/editorial/safe-edit';
import type { PageEditorValues } from '@/lib/validations/page-editor';
import { refuseUnlessAdmin, type Done, type Refusal } from './result';
import type { CurrentUser } from '@/lib/session';

export const PAGE_GONE: Refusal = { ok: false, message: 'That page no longer exists; it may have been deleted in another tab.' };
export type PageResult = Done<{ id: number; created: boolean; stale: boolean }> | Refusal;

const slugTaken = (slug: string): Refusal => ({
  ok: false,
  message: 'Please check the highlighted field.',
  fieldErrors: { slug: [`Another page already uses “/${slug}”. Choose another web address.`] },
});

export const pageIdOf = (values: PageEditorValues): number | null => (values.id === '' ? null : Number(values.id));
export const pageFieldsFrom = ({ id: _id, ...fields }: PageEditorValues): PageFields => fields;

/**
 * Writes the fields into the page: into a draft (a new page is created as one), publishing it, or updating
 * a published page (the last two change what readers see, and keep the version as a revision).
 */
export async function writePage(actor: CurrentUser, values: PageEditorValues, mode: 'draft' | 'publish' | 'update', message: (slug: string) => string): Promise<PageResult> {
  const id = pageIdOf(values);
  const fields = pageFieldsFrom(values);
  const saved = await savePageFields(actor, id, fields, mode === 'publish' ? 'published' : undefined);
  if (saved.outcome === 'slug-taken') return slugTaken(fields.slug);
  if (saved.outcome !== 'saved') return PAGE_GONE;
  return { ok: true, id: saved.id, created: id === null, stale: mode !== 'draft', message: message(fields.slug) };
}

/** Save draft and autosave: a draft (or a new page) is saved; a published page keeps the changes privately. */
export async function savePage(actor: CurrentUser, values: PageEditorValues, now = new Date()): Promise<PageResult> {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  return withTransaction(async (): Promise<PageResult> => {
    const id = pageIdOf(values);
    const existing = id === null ? null : await getEditablePage(id);
    if (id !== null && !existing) return PAGE_GONE;
    if (existing && editsGoPrivately(existing.status)) {
      if (await isPageSlugTaken(values.slug, existing.id)) return slugTaken(values.slug);
      await saveWorkingCopy('page', existing.id, pageFieldsFrom(values), actor, now);
      return { ok: true, id: existing.id, created: false, stale: false, message: savedPrivatelyAt(now, await getSiteIdentity()) };
    }
    return writePage(actor, values, 'draft', () => 'Draft saved: readers cannot see it yet.');
  });
}

/** Publish now: the fields go on the site as the page. */
export async function publishPage(actor: CurrentUser, values: PageEditorValues): Promise<PageResult> {
  return refuseUnlessAdmin(actor) ?? writePage(actor, values, 'publish', (slug) => `Published. The page is at /${slug}.`);
}

export async function unpublishPage(actor: CurrentUser, id: number): Promise<PageResult> {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  const page = Number.isSafeInteger(id) && id > 0 ? await unpublishPageById(actor, id) : null;
  return page ? { ok: true, id, created: false, stale: true, message: 'Unpublished: readers no longer see it.' } : PAGE_GONE;
}

export async function deletePage(actor: CurrentUser, id: number): Promise<Done<{ title: string }> | Refusal> {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  const deleted = Number.isSafeInteger(id) && id > 0 ? await deletePageById(actor, id) : null;
  return deleted ? { ok: true, title: deleted.title, message: `“${deleted.title}” was deleted.` } : PAGE_GONE;
}
