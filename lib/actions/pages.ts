'use server';
/**
 * The page editor's actions beyond saving (lib/actions/site-admin.ts): publish, update, unpublish, discard
 * changes, restore a version. Admins only; the rules in lib/site-admin check again. Only changes readers
 * see refresh the site tag; then the editor is loaded again from what the server now says.
 */
import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { TAGS } from '@/lib/cache';
import { ADMINS } from '@/lib/roles';
import { discardPageChanges, restorePageRevision, updatePage } from '@/lib/site-admin/page-changes';
import { publishPage, unpublishPage, type PageResult } from '@/lib/site-admin/pages';
import { ADMINS_ONLY_MESSAGE } from '@/lib/site-admin/result';
import { pageEditorSchema, pageIdSchema, pageRevisionSchema } from '@/lib/validations/page-editor';
import { formAction } from './guarded';
import type { ActionState } from './state';

const admins = { roles: ADMINS, refusal: ADMINS_ONLY_MESSAGE };

function reopen(result: PageResult, note: string): ActionState {
  if (!result.ok) return result;
  if (result.stale) updateTag(TAGS.site);
  // `v` changes on every reload, so the editor starts again from the server's version.
  redirect(`/admin/pages/${result.id}?note=${note}&v=${Date.now().toString(36)}`);
}

export const publishPageAction = formAction({ name: 'page publishing', access: admins, schema: pageEditorSchema }, async (values, user) => reopen(await publishPage(user, values), 'published'));

export const updatePageAction = formAction({ name: 'page update', access: admins, schema: pageEditorSchema }, async (values, user) => reopen(await updatePage(user, values), 'updated'));

export const unpublishPageAction = formAction({ name: 'page unpublishing', access: admins, schema: pageIdSchema }, async ({ id }, user) => reopen(await unpublishPage(user, id), 'unpublished'));

export const discardPageChangesAction = formAction({ name: 'discarding page changes', access: admins, schema: pageIdSchema }, async ({ id }, user) =>
  reopen(await discardPageChanges(user, id), 'discarded'),
);

export const restorePageRevisionAction = formAction({ name: 'page restore', access: admins, schema: pageRevisionSchema }, async ({ id, revisionId }, user) =>
  reopen(await restorePageRevision(user, id, revisionId), 'restored'),
);
