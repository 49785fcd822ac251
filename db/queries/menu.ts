/**
 * The site's navigation menu: what readers see in the header (names resolved, draft pages left out), and
 * the admins' editor at /admin/menu, which saves the whole menu at once (two levels at most).
 */
import 'server-only';
import { asc, inArray } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { categories, menuItems, pages, type MenuItemKind } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

export type MenuLink = { label: string; href: string; external: boolean; children: MenuLink[] };
/** One item as the editor holds it; `children` only on top-level items. */
export type MenuEntry = { kind: MenuItemKind; pageId: number | null; categoryId: number | null; label: string; url: string; children?: MenuEntry[] };
export type MenuChoices = { pages: { id: number; title: string; published: boolean }[]; categories: { id: number; name: string }[] };
export type MenuSave = { outcome: 'saved'; items: number } | { outcome: 'missing' };

type Row = typeof menuItems.$inferSelect;

const rows = (): Promise<Row[]> => getDb().select().from(menuItems).orderBy(asc(menuItems.position), asc(menuItems.id));

/** Top-level rows with their sub-items, in order. */
function tree<T>(all: Row[], make: (row: Row, children: T[]) => T | null): T[] {
  const childrenOf = (id: number) => all.filter((row) => row.parentId === id);
  return all
    .filter((row) => row.parentId === null)
    .flatMap((row) => {
      const made = make(
        row,
        childrenOf(row.id).flatMap((child) => make(child, []) ?? []),
      );
      return made ?? [];
    });
}

/** The header's menu. An item whose page is a draft is left out; its sub-items take its place. */
export async function listMenu(): Promise<MenuLink[]> {
  const db = getDb();
  const pageRows = new Map((await db.select({ id: pages.id, slug: pages.slug, title: pages.title, status: pages.status }).from(pages)).map((p) => [p.id, p]));
  const categoryRows = new Map((await db.select({ id: categories.id, slug: categories.slug, name: categories.name }).from(categories)).map((c) => [c.id, c]));
  const links: MenuLink[] = [];
  const resolve = (row: Row): Omit<MenuLink, 'children'> | null => {
    if (row.kind === 'page') {
      const page = pageRows.get(row.pageId ?? -1);
      return page && page.status === 'published' ? { label: row.label || page.title, href: `/${page.slug}`, external: false } : null;
    }
    if (row.kind === 'category') {
      const category = categoryRows.get(row.categoryId ?? -1);
      return category ? { label: row.label || category.name, href: `/category/${category.slug}`, external: false } : null;
    }
    return row.url ? { label: row.label ?? row.url, href: row.url, external: /^https?:/i.test(row.url) } : null;
  };
  const all = await rows();
  for (const top of all.filter((row) => row.parentId === null)) {
    const children = all
      .filter((row) => row.parentId === top.id)
      .flatMap((child) => {
        const link = resolve(child);
        return link ? [{ ...link, children: [] }] : [];
      });
    const link = resolve(top);
    if (link) links.push({ ...link, children });
    else links.push(...children);
  }
  return links;
}

/** The menu as the editor shows it (labels as typed: empty means the page's or category's own name). */
export async function listMenuForEditor(): Promise<MenuEntry[]> {
  return tree<MenuEntry>(await rows(), (row, children) => ({
    kind: row.kind,
    pageId: row.pageId,
    categoryId: row.categoryId,
    label: row.label ?? '',
    url: row.url ?? '',
    ...(row.parentId === null ? { children } : {}),
  }));
}

export async function listMenuChoices(): Promise<MenuChoices> {
  const db = getDb();
  const pageRows = await db.select({ id: pages.id, title: pages.title, status: pages.status }).from(pages).orderBy(asc(pages.title));
  return {
    pages: pageRows.map(({ status, ...p }) => ({ ...p, published: status === 'published' })),
    categories: await db.select({ id: categories.id, name: categories.name }).from(categories).orderBy(asc(categories.position), asc(categories.name)),
  };
}

/** Replaces the whole menu; refused (nothing changed) when a page or category it names no longer exists. */
export function replaceMenu(actor: Actor, entries: MenuEntry[]): Promise<MenuSave> {
  return withTransaction(async (tx): Promise<MenuSave> => {
    const flat = entries.flatMap((entry) => [entry, ...(entry.children ?? [])]);
    const pageIds = [...new Set(flat.flatMap((e) => (e.kind === 'page' && e.pageId !== null ? [e.pageId] : [])))];
    const categoryIds = [...new Set(flat.flatMap((e) => (e.kind === 'category' && e.categoryId !== null ? [e.categoryId] : [])))];
    const foundPages = pageIds.length ? (await tx.select({ id: pages.id }).from(pages).where(inArray(pages.id, pageIds))).length : 0;
    const foundCategories = categoryIds.length ? (await tx.select({ id: categories.id }).from(categories).where(inArray(categories.id, categoryIds))).length : 0;
    if (foundPages !== pageIds.length || foundCategories !== categoryIds.length) return { outcome: 'missing' };
    await tx.delete(menuItems);
    const insert = async (entry: MenuEntry, position: number, parentId: number | null) =>
      (
        await tx
          .insert(menuItems)
          .values({
            parentId,
            position,
            kind: entry.kind,
            pageId: entry.kind === 'page' ? entry.pageId : null,
            categoryId: entry.kind === 'category' ? entry.categoryId : null,
            label: entry.label === '' ? null : entry.label,
            url: entry.kind === 'link' ? entry.url : null,
          })
          .returning({ id: menuItems.id })
      )[0].id;
    for (const [position, entry] of entries.entries()) {
      const id = await insert(entry, position, null);
      for (const [childPosition, child] of (entry.children ?? []).entries()) await insert(child, childPosition, id);
    }
    await recordActivity(actor, 'menu.update', `${flat.length} ${flat.length === 1 ? 'item' : 'items'}`);
    return { outcome: 'saved', items: flat.length };
  });
}
