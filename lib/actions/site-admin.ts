'use server';
/**
 * Site administration from the browser: settings, roles, static pages. Thin on purpose: the wrapper
 * checks the admin role and parses the form, the rules in lib/site-admin do the work (and check the
 * role again, so they hold for any caller), then the cache tags readers depend on are refreshed.
 */
import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { TAGS } from '@/lib/cache';
import { ADMINS } from '@/lib/roles';
import { setRole } from '@/lib/site-admin/people';
import { deletePage, savePage } from '@/lib/site-admin/pages';
import { ADMINS_ONLY_MESSAGE } from '@/lib/site-admin/result';
import { updateSettings } from '@/lib/site-admin/settings';
import { pageEditorSchema, pageIdSchema } from '@/lib/validations/page-editor';
import { personRoleSchema } from '@/lib/validations/person-role';
import { siteSettingsSchema, type LinkInput, type LinkListName, type SiteSettingsInput } from '@/lib/validations/site-settings';
import { formAction } from './guarded';
import { formFields } from './state';

const admins = { roles: ADMINS, refusal: ADMINS_ONLY_MESSAGE };

/** `communityLinks.0.label`, `communityLinks.0.url`, … as the link list posts them, back into rows in index order. */
function postedLinks(fields: Record<string, string>, list: LinkListName): LinkInput[] {
  const rows = new Map<number, LinkInput>();
  for (const [key, value] of Object.entries(fields)) {
    const match = /^(\w+)\.(\d{1,4})\.(label|url)$/.exec(key);
    if (match?.[1] !== list) continue;
    const row = rows.get(Number(match[2])) ?? { label: '', url: '' };
    row[match[3] as keyof LinkInput] = value;
    rows.set(Number(match[2]), row);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

/** The settings form's fields in the schema's shape (the link lists arrive as numbered fields). */
function settingsFields(formData: FormData): Partial<SiteSettingsInput> {
  const fields = formFields(formData);
  return { ...fields, communityLinks: postedLinks(fields, 'communityLinks'), supportResources: postedLinks(fields, 'supportResources') };
}

export const updateSettingsAction = formAction({ name: 'settings update', access: admins, schema: siteSettingsSchema, fields: settingsFields }, async (values, user) => {
  const result = await updateSettings(user, values);
  // The shell (name, links), the comment rules and the privacy switches are all read under this tag.
  if (result.ok) updateTag(TAGS.site);
  return result;
});

export const setRoleAction = formAction({ name: 'role change', access: admins, schema: personRoleSchema }, async (target, user) => {
  const result = await setRole(user, target);
  // A new author's /author/<slug> may be cached as "not found"; author pages are read under the posts tag.
  if (result.ok) updateTag(TAGS.posts);
  return result;
});

/** Save draft and autosave (lib/actions/pages.ts has the rest of the page editor's actions). */
export const savePageAction = formAction({ name: 'page save', access: admins, schema: pageEditorSchema }, async (values, user) => {
  const result = await savePage(user, values);
  if (!result.ok) return result;
  // Pages and the menu are read under the site tag; a draft or a private working copy changes nothing readers see.
  if (result.stale) updateTag(TAGS.site);
  if (result.created) redirect(`/admin/pages/${result.id}`);
  return result;
});

export const deletePageAction = formAction({ name: 'page deletion', access: admins, schema: pageIdSchema }, async ({ id }, user) => {
  const result = await deletePage(user, id);
  if (!result.ok) return result;
  updateTag(TAGS.site);
  redirect(`/admin/pages?deleted=${encodeURIComponent(result.title)}`);
});
