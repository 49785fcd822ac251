/**
 * Changing a published page safely, with the same rules as posts (lib/editorial/safe-edit.ts): Update puts
 * the fields on the site and keeps the version, Discard drops the working copy, Restore puts an earlier
 * version into it. Admins only, like every page change. Each change is one transaction with the checks that allow it.
 */
import { getEditablePage, type EditablePage, type PageFields } from '@/db/queries/pages';
import { deleteWorkingCopy, getRevision, getWorkingCopy, listRevisions, saveWorkingCopy } from '@/db/queries/revisions';
import { DISCARDED, NOTHING_TO_DISCARD, RESTORED, REVISION_GONE } from '@/lib/editorial/safe-edit';
import { withTransaction } from '@/db/transaction';
import type { PageEditorValues } from '@/lib/validations/page-editor';
import { PAGE_GONE, pageIdOf, writePage, type PageResult } from './pages';
import { refuseUnlessAdmin, type Refusal } from './result';
import type { CurrentUser } from '@/lib/session';

const NOT_LIVE: Refusal = { ok: false, message: 'This page is not on the site: use Save draft or Publish now.' };

/** Stored page fields, read back defensively (written by this app only). */
function readPageFields(stored: Record<string, unknown>): PageFields {
  const { slug, title, body, navOrder } = stored;
  if (typeof slug !== 'string' || typeof title !== 'string' || typeof body !== 'string' || !(navOrder === null || typeof navOrder === 'number')) {
    throw new Error('A stored page version is not readable');
  }
  return { slug, title, body, navOrder };
}

async function livePage(actor: CurrentUser, id: number | null): Promise<EditablePage | Refusal> {
  const refusal = refuseUnlessAdmin(actor);
  if (refusal) return refusal;
  return (id !== null && Number.isSafeInteger(id) && id > 0 && (await getEditablePage(id))) || PAGE_GONE;
}
const isRefusal = (value: EditablePage | Refusal): value is Refusal => 'ok' in value;

export function updatePage(actor: CurrentUser, values: PageEditorValues): Promise<PageResult> {
  return withTransaction(async (): Promise<PageResult> => {
    const page = await livePage(actor, pageIdOf(values));
    if (isRefusal(page)) return page;
    if (page.status !== 'published') return NOT_LIVE;
    return writePage(actor, values, 'update', (slug) => `Updated: readers see the new version at /${slug} now.`);
  });
}

export function discardPageChanges(actor: CurrentUser, id: number): Promise<PageResult> {
  return withTransaction(async (): Promise<PageResult> => {
    const page = await livePage(actor, id);
    if (isRefusal(page)) return page;
    const discarded = await deleteWorkingCopy('page', page.id);
    return { ok: true, id: page.id, created: false, stale: false, message: discarded ? DISCARDED : NOTHING_TO_DISCARD };
  });
}

export function restorePageRevision(actor: CurrentUser, id: number, revisionId: number, now = new Date()): Promise<PageResult> {
  return withTransaction(async (): Promise<PageResult> => {
    const page = await livePage(actor, id);
    if (isRefusal(page)) return page;
    const revision = await getRevision('page', page.id, revisionId);
    if (!revision) return { ok: false, message: REVISION_GONE };
    await saveWorkingCopy('page', page.id, readPageFields(revision.fields), actor, now);
    return { ok: true, id: page.id, created: false, stale: false, message: RESTORED };
  });
}

export type PageEditorView = {
  page: EditablePage;
  fields: PageFields;
  workingCopy: { savedAt: Date; savedByName: string | null } | null;
  revisions: { id: number; authorName: string; createdAt: Date; fields: PageFields }[];
};

/** What the page editor shows: the working copy when there is one, the revisions; admins only. */
export async function pageEditorView(actor: CurrentUser, id: number): Promise<PageEditorView | null> {
  const page = await livePage(actor, id);
  if (isRefusal(page)) return null;
  const copy = await getWorkingCopy('page', page.id);
  return {
    page,
    fields: copy ? readPageFields(copy.fields) : { slug: page.slug, title: page.title, body: page.body, navOrder: page.navOrder },
    workingCopy: copy && { savedAt: copy.savedAt, savedByName: copy.savedByName },
    revisions: (await listRevisions('page', page.id)).map((r) => ({ ...r, fields: readPageFields(r.fields) })),
  };
}
