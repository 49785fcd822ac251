'use server';
/**
 * The site's shape from the browser: categories, tags and the navigation menu. The wrapper checks the
 * admin role and parses the form; the rules in lib/site-admin do the work (and check the role again);
 * then exactly the cache tags the change shows up under are refreshed:
 * - `posts`: category and tag pages, post cards and post pages (names, addresses, which posts are where);
 * - `site`: the shell on every page (menu, footer topics) and the category order (readCategories).
 */
import { updateTag } from 'next/cache';
import { TAGS } from '@/lib/cache';
import { ADMINS } from '@/lib/roles';
import { deleteCategory, moveCategoryOnePlace, saveCategory } from '@/lib/site-admin/categories';
import { saveMenu } from '@/lib/site-admin/menu';
import { ADMINS_ONLY_MESSAGE } from '@/lib/site-admin/result';
import { deleteTag, mergeTagInto, renameTagTo } from '@/lib/site-admin/tags';
import { menuSchema } from '@/lib/validations/menu';
import { categoryDeleteSchema, categoryMoveSchema, categorySchema, tagDeleteSchema, tagMergeSchema, tagRenameSchema } from '@/lib/validations/taxonomy';
import { formAction } from './guarded';
import type { ActionState } from './state';

const admins = { roles: ADMINS, refusal: ADMINS_ONLY_MESSAGE };

/** Refreshes the given tags when the change was made, and hands the answer on. */
async function refreshing(answer: Promise<ActionState>, ...tags: string[]): Promise<ActionState> {
  const result = await answer;
  if (result.ok) for (const tag of tags) updateTag(tag);
  return result;
}

export const saveCategoryAction = formAction({ name: 'category save', access: admins, schema: categorySchema }, (values, user) => refreshing(saveCategory(user, values), TAGS.posts, TAGS.site));

export const moveCategoryAction = formAction({ name: 'category move', access: admins, schema: categoryMoveSchema }, ({ id, direction }, user) =>
  refreshing(moveCategoryOnePlace(user, id, direction), TAGS.site),
);

export const deleteCategoryAction = formAction({ name: 'category deletion', access: admins, schema: categoryDeleteSchema }, ({ id, targetId }, user) =>
  refreshing(deleteCategory(user, id, targetId), TAGS.posts, TAGS.site),
);

export const renameTagAction = formAction({ name: 'tag rename', access: admins, schema: tagRenameSchema }, ({ id, ...fields }, user) => refreshing(renameTagTo(user, id, fields), TAGS.posts));

export const mergeTagAction = formAction({ name: 'tag merge', access: admins, schema: tagMergeSchema }, ({ id, intoId }, user) => refreshing(mergeTagInto(user, id, intoId), TAGS.posts));

export const deleteTagAction = formAction({ name: 'tag deletion', access: admins, schema: tagDeleteSchema }, ({ id }, user) => refreshing(deleteTag(user, id), TAGS.posts));

export const saveMenuAction = formAction({ name: 'menu save', access: admins, schema: menuSchema }, (values, user) => refreshing(saveMenu(user, values), TAGS.site));
