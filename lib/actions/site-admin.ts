'use server';
/**
 * Site administration from the browser: settings, roles, static pages. Thin on purpose: who is asking,
 * the posted form in the schema's shape, then the rules in lib/site-admin (which check the admin role
 * and the schema themselves, so they hold for any caller), then the cache tags readers depend on.
 */
import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { TAGS } from '@/lib/cache';
import { getCurrentUser } from '@/lib/session';
import { setRole } from '@/lib/site-admin/people';
import { deletePage, savePage } from '@/lib/site-admin/pages';
import { updateSettings } from '@/lib/site-admin/settings';
import type { LinkInput, LinkListName, SiteSettingsInput } from '@/lib/validations/site-settings';
import { formFields, orUnexpected, SIGNED_OUT, type ActionState } from './state';

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

export async function updateSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const fields = formFields(formData);
  const input: SiteSettingsInput = {
    name: fields.name ?? '',
    tagline: fields.tagline ?? '',
    about: fields.about ?? '',
    communityLinks: postedLinks(fields, 'communityLinks'),
    supportResources: postedLinks(fields, 'supportResources'),
    holdFirstComment: fields.holdFirstComment,
    maxCommentLinks: fields.maxCommentLinks ?? '',
    blockedWords: fields.blockedWords ?? '',
    commentsMembersOnly: fields.commentsMembersOnly,
    commentsNoSnippet: fields.commentsNoSnippet,
  };
  const result = orUnexpected('settings update', () => updateSettings(user, input));
  // The shell (name, links), the comment rules and the privacy switches are all read under this tag.
  if (result.ok) updateTag(TAGS.site);
  return result;
}

export async function setRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const { userId = '', role = '' } = formFields(formData);
  const result = orUnexpected('role change', () => setRole(user, userId, role));
  // A new author's /author/<slug> may be cached as "not found"; author pages are read under the posts tag.
  if (result.ok) updateTag(TAGS.posts);
  return result;
}

export async function savePageAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const fields = formFields(formData);
  const input = { id: fields.id ?? '', title: fields.title ?? '', slug: fields.slug ?? '', body: fields.body ?? '', navOrder: fields.navOrder ?? '' };
  const result = orUnexpected('page save', () => savePage(user, input));
  if (!result.ok) return result;
  // Pages and the menu are read under the site tag.
  updateTag(TAGS.site);
  if (result.created) redirect(`/admin/pages/${result.id}`);
  return result;
}

export async function deletePageAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const result = orUnexpected('page deletion', () => deletePage(user, Number(formFields(formData).id)));
  if (!result.ok) return result;
  updateTag(TAGS.site);
  redirect(`/admin/pages?deleted=${encodeURIComponent(result.title)}`);
}
