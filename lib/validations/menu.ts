/**
 * The menu editor (/admin/menu), shared by the browser and the server: the whole menu arrives as one JSON
 * field. One level of sub-items; links go to other sites (http/https) or to a path of this site.
 */
import { z } from 'zod';
import type { MenuItemKind } from '@/db/schema-values';

export const MENU_MAX_ITEMS = 60;
/** The kinds of item (db/schema's MENU_ITEM_KINDS, repeated so the browser's bundle stays free of the schema). */
const KINDS = ['page', 'category', 'link'] as const satisfies readonly MenuItemKind[];
const NO_THIRD_LEVEL = 'A sub-item cannot have sub-items of its own: the menu has one level of sub-items.';

const entry = z.object({
  kind: z.enum(KINDS, { error: 'Choose a page, a category or a link.' }),
  pageId: z.number().int().positive().nullable().default(null),
  categoryId: z.number().int().positive().nullable().default(null),
  label: z.string().trim().max(60, 'Keep each label under 60 characters.').default(''),
  url: z.string().trim().max(500, 'Keep each address under 500 characters.').default(''),
});
const subEntry = entry.extend({ children: z.array(z.unknown()).max(0, NO_THIRD_LEVEL).optional() }).transform(({ children: _none, ...item }) => item);
const topEntry = entry.extend({ children: z.array(subEntry).max(30, 'Keep each item to 30 sub-items or fewer.').default([]) });

/** An address readers may follow: http(s) to another site, or a path here (not "//host", which leaves the site). */
export function menuUrlProblem(url: string): string | null {
  if (url === '') return 'give the link an address, like https://chat.example.org or /archive.';
  if (url.startsWith('/')) return /^\/[/\\]/.test(url) || /\s/.test(url) ? 'a path on this site starts with one “/” and has no spaces, like /archive.' : null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'that is not a web address. Use https://… for another site or /… for a page here.';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `“${parsed.protocol}” addresses are not allowed; only https://, http:// or a path like /archive.`;
  return parsed.hostname ? null : 'that address has no site name.';
}

type Entry = z.output<typeof entry>;

function entryProblem(item: Entry): string | null {
  if (item.kind === 'page' && item.pageId === null) return 'choose the page it leads to.';
  if (item.kind === 'category' && item.categoryId === null) return 'choose the category it leads to.';
  if (item.kind !== 'link') return null;
  if (item.label === '') return 'give the link a label (the words readers see).';
  return menuUrlProblem(item.url);
}

export const menuSchema = z.object({
  menu: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'The menu could not be read. Reload the page and try again.' });
        return z.NEVER;
      }
    })
    .pipe(z.array(topEntry).max(MENU_MAX_ITEMS, `Keep the menu to ${MENU_MAX_ITEMS} items or fewer.`))
    .superRefine((items, ctx) => {
      let total = 0;
      items.forEach((item, index) => {
        const where = `Item ${index + 1}${item.label ? ` (“${item.label}”)` : ''}`;
        const problem = entryProblem(item);
        if (problem) ctx.addIssue({ code: 'custom', message: `${where}: ${problem}` });
        item.children.forEach((child, childIndex) => {
          const childProblem = entryProblem(child);
          if (childProblem) ctx.addIssue({ code: 'custom', message: `${where}, sub-item ${childIndex + 1}${child.label ? ` (“${child.label}”)` : ''}: ${childProblem}` });
        });
        total += 1 + item.children.length;
      });
      if (total > MENU_MAX_ITEMS) ctx.addIssue({ code: 'custom', message: `Keep the menu to ${MENU_MAX_ITEMS} items or fewer, sub-items included.` });
    }),
});
export type MenuValues = z.output<typeof menuSchema>;
