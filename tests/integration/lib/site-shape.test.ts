/**
 * Categories, tags and the menu as the server actions run them: the form parsed with its schema, then
 * the admin-only rule, against a real SQLite file. Renames leave redirects (chains collapse), deletion
 * moves posts and followers, merges keep one copy, and a bad menu changes nothing.
 */
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { listMenu, listMenuForEditor } from '@/db/queries/menu';
import { getCategoryBySlug, getRenamedCategorySlug, getRenamedTagSlug, getTagBySlug, listCategories } from '@/db/queries/taxonomy';
import { activityLog, menuItems, pages, posts, postTags, subscriberCategories, users, type UserRole } from '@/db/schema';
import { invalid } from '@/lib/actions/state';
import { deleteCategory, moveCategoryOnePlace, saveCategory } from '@/lib/site-admin/categories';
import { saveMenu } from '@/lib/site-admin/menu';
import type { CurrentUser } from '@/lib/session';
import { deleteTag, mergeTagInto, renameTagTo } from '@/lib/site-admin/tags';
import { menuSchema } from '@/lib/validations/menu';
import { categoryDeleteSchema, categorySchema, tagMergeSchema, tagRenameSchema, type CategoryInput } from '@/lib/validations/taxonomy';
import { createAuthor, createPost, createSubscriber, createTag } from '../../helpers/fixtures';

const parsedOr = <T, R>(parsed: z.ZodSafeParseResult<T>, rule: (values: T) => R) => (parsed.success ? rule(parsed.data) : invalid(parsed.error));
const save = (actor: CurrentUser, input: CategoryInput) => parsedOr(categorySchema.safeParse(input), (values) => saveCategory(actor, values));
const remove = (actor: CurrentUser, id: number, targetId: number | '') =>
  parsedOr(categoryDeleteSchema.safeParse({ id: String(id), targetId: String(targetId) }), (v) => deleteCategory(actor, v.id, v.targetId));
const renameTag = (actor: CurrentUser, id: number, name: string, slug: string) =>
  parsedOr(tagRenameSchema.safeParse({ id: String(id), name, slug }), ({ id: tagId, ...f }) => renameTagTo(actor, tagId, f));
const mergeTag = (actor: CurrentUser, id: number, intoId: number) => parsedOr(tagMergeSchema.safeParse({ id: String(id), intoId: String(intoId) }), (v) => mergeTagInto(actor, v.id, v.intoId));
const menu = (actor: CurrentUser, items: unknown) => parsedOr(menuSchema.safeParse({ menu: JSON.stringify(items) }), (values) => saveMenu(actor, values));

let counter = 0;
async function person(role: UserRole, name = `Person ${++counter}`): Promise<CurrentUser> {
  const row = (
    await withTransaction((tx) =>
      tx
        .insert(users)
        .values({ name, email: `shape${++counter}@example.org`, role })
        .returning(),
    )
  )[0];
  return { id: row.id, name: row.name, role: row.role } as CurrentUser;
}
let admin: CurrentUser, author: Awaited<ReturnType<typeof createAuthor>>;
beforeAll(async () => {
  admin = await person('admin', 'Zoë O’Brien-Ñúñez');
  author = await createAuthor({ name: 'Łukasz "Luke" ‹Żółć›' });
});

const newCategory = async (name: string, slug = '', description = '') => {
  const result = await save(admin, { id: '', name, slug, description });
  expect(result).toMatchObject({ ok: true });
  return (await listCategories()).find((c) => c.name === name)!;
};
const categoryOf = async (postId: number) => (await getDb().select({ categoryId: posts.categoryId }).from(posts).where(eq(posts.id, postId)))[0]!.categoryId;
const topicsOf = async (subscriberId: number) =>
  (
    await getDb().select({ id: subscriberCategories.categoryId }).from(subscriberCategories).where(eq(subscriberCategories.subscriberId, subscriberId)).orderBy(asc(subscriberCategories.categoryId))
  ).map((r) => r.id);
const menuRows = () => getDb().select().from(menuItems).orderBy(asc(menuItems.id));

describe('categories', () => {
  it('renames with a new slug: every earlier address leads to the newest one, and a freed slug can be reused', async () => {
    const living = await newCategory('Living Well', 'living-well', 'Everyday pacing.');
    expect(await save(admin, { id: String(living.id), name: 'Living Well & Pacing', slug: 'living-well-and-pacing', description: 'Everyday pacing 🌱.' })).toMatchObject({
      ok: true,
      message: expect.stringContaining('/category/living-well now leads there'),
    });
    expect(await getRenamedCategorySlug('living-well')).toBe('living-well-and-pacing');
    await save(admin, { id: String(living.id), name: 'Pacing', slug: 'pacing', description: '' });
    expect([await getRenamedCategorySlug('living-well'), await getRenamedCategorySlug('living-well-and-pacing')]).toEqual(['pacing', 'pacing']);
    expect(await getCategoryBySlug('living-well')).toBeNull();

    const again = await newCategory('Living Well (new)', 'living-well');
    expect((await getCategoryBySlug('living-well'))!.id).toBe(again.id);
    expect(await getRenamedCategorySlug('living-well')).toBeNull();
    expect(await getRenamedCategorySlug('living-well-and-pacing')).toBe('pacing');
  });

  it('makes the slug from the name when it is left empty, and refuses a slug another category has', async () => {
    const corner = await newCategory('Zoë’s Corner');
    expect(corner.slug).toBe('zoe-s-corner');
    const before = await listCategories();
    expect(await save(admin, { id: '', name: 'Corner again', slug: 'zoe-s-corner', description: '' })).toMatchObject({
      ok: false,
      fieldErrors: { slug: [expect.stringContaining('Another category')] },
    });
    expect(await save(admin, { id: '', name: '🌱🌱', slug: '', description: '' })).toMatchObject({ ok: false, fieldErrors: { slug: [expect.any(String)] } });
    expect(await save(admin, { id: '', name: 'Bad', slug: 'Bad Slug!', description: '' })).toMatchObject({ ok: false, fieldErrors: { slug: [expect.any(String)] } });
    expect(await listCategories()).toEqual(before);
  });

  it.each(['member', 'author', 'moderator'] as const)('refuses a %s and changes nothing', async (role) => {
    const someone = await person(role);
    const target = (await listCategories())[0];
    const before = { categories: await listCategories(), log: (await getDb().select().from(activityLog)).length };
    expect(await save(someone, { id: '', name: 'Sneaky', slug: 'sneaky', description: '' })).toMatchObject({ ok: false, message: expect.stringContaining('Only the site’s admins') });
    expect(await save(someone, { id: String(target.id), name: 'Renamed', slug: 'renamed', description: '' })).toMatchObject({ ok: false });
    expect(await moveCategoryOnePlace(someone, target.id, 'down')).toMatchObject({ ok: false });
    expect(await remove(someone, target.id, '')).toMatchObject({ ok: false });
    expect({ categories: await listCategories(), log: (await getDb().select().from(activityLog)).length }).toEqual(before);
  });

  it('moves one place up or down, in the order readers and pickers use', async () => {
    const names = async () => (await listCategories()).map((c) => c.name);
    const [first, second] = await listCategories();
    expect(await moveCategoryOnePlace(admin, second.id, 'up')).toMatchObject({ ok: true });
    expect((await names()).slice(0, 2)).toEqual([second.name, first.name]);
    expect(await moveCategoryOnePlace(admin, second.id, 'up')).toMatchObject({ ok: true }); // already first: stays
    expect((await names())[0]).toBe(second.name);
    expect(await moveCategoryOnePlace(admin, second.id, 'down')).toMatchObject({ ok: true });
    expect((await names()).slice(0, 2)).toEqual([first.name, second.name]);
  });

  it('deletes a category into another: its posts, followers, old addresses and menu items move there', async () => {
    const research = await newCategory('Research News', 'research-news');
    const stories = await newCategory('Community Stories', 'community-stories');
    const other = await newCategory('Ask Me Anything', 'ama');
    const p1 = (await createPost({ authorId: author.id, categoryId: research.id })).id;
    const p2 = (await createPost({ authorId: author.id, categoryId: research.id, status: 'draft' })).id;
    const p3 = (await createPost({ authorId: author.id, categoryId: other.id })).id;
    const onlyResearch = (await createSubscriber({ categoryIds: [research.id] })).id;
    const both = (await createSubscriber({ categoryIds: [research.id, stories.id] })).id;
    const elsewhere = (await createSubscriber({ categoryIds: [other.id] })).id;
    await save(admin, { id: String(research.id), name: 'Research', slug: 'research', description: '' });
    await withTransaction((tx) => tx.insert(menuItems).values({ position: 50, kind: 'category', categoryId: research.id }));

    const before = { categories: await listCategories(), topics: await topicsOf(onlyResearch) };
    expect(await remove(admin, research.id, '')).toMatchObject({ ok: false, fieldErrors: { targetId: [expect.stringContaining('has posts')] } });
    expect(await remove(admin, research.id, research.id)).toMatchObject({ ok: false, fieldErrors: { targetId: [expect.any(String)] } });
    expect({ categories: await listCategories(), topics: await topicsOf(onlyResearch) }).toEqual(before);

    expect(await remove(admin, research.id, stories.id)).toMatchObject({ ok: true, message: expect.stringContaining('2 posts and followers are now in “Community Stories”') });
    expect([await categoryOf(p1), await categoryOf(p2), await categoryOf(p3)]).toEqual([stories.id, stories.id, other.id]);
    expect([await topicsOf(onlyResearch), await topicsOf(both), await topicsOf(elsewhere)]).toEqual([[stories.id], [stories.id], [other.id]]);
    expect([await getRenamedCategorySlug('research'), await getRenamedCategorySlug('research-news')]).toEqual(['community-stories', 'community-stories']);
    expect((await menuRows()).filter((row) => row.position === 50).map((row) => row.categoryId)).toEqual([stories.id]);
  });

  it('deletes a category without posts directly; its menu sub-items move up a level', async () => {
    const empty = await newCategory('Empty for now', 'empty-for-now');
    const parent = (await withTransaction((tx) => tx.insert(menuItems).values({ position: 60, kind: 'category', categoryId: empty.id }).returning()))[0];
    await withTransaction((tx) => tx.insert(menuItems).values({ parentId: parent.id, position: 0, kind: 'link', label: 'Chat', url: 'https://chat.example.org' }));
    expect(await remove(admin, empty.id, '')).toMatchObject({ ok: true });
    expect(await getCategoryBySlug('empty-for-now')).toBeNull();
    expect((await menuRows()).filter((row) => row.label === 'Chat')).toEqual([expect.objectContaining({ parentId: null })]);
  });
});

describe('tags', () => {
  it('renames (old address redirects), merges keeping one copy per post, and deletes', async () => {
    const pacing = await createTag('pacing');
    const energy = await createTag('energy');
    const both = (await createPost({ authorId: author.id, tagIds: [pacing.id, energy.id] })).id;
    const onlyPacing = (await createPost({ authorId: author.id, tagIds: [pacing.id] })).id;
    expect(await renameTag(admin, pacing.id, 'Pacing & rest', 'pacing-and-rest')).toMatchObject({ ok: true });
    expect(await getRenamedTagSlug('pacing')).toBe('pacing-and-rest');
    expect(await renameTag(admin, pacing.id, 'Energy', 'energy')).toMatchObject({ ok: false, fieldErrors: { slug: [expect.stringContaining('merge them')] } });

    expect(await mergeTag(admin, pacing.id, pacing.id)).toMatchObject({ ok: false, fieldErrors: { intoId: [expect.any(String)] } });
    expect(await mergeTag(admin, pacing.id, energy.id)).toMatchObject({ ok: true, message: '“Pacing & rest” was merged into “energy”.' });
    const tagsOf = async (postId: number) => (await getDb().select({ tagId: postTags.tagId }).from(postTags).where(eq(postTags.postId, postId))).map((r) => r.tagId);
    expect([await tagsOf(both), await tagsOf(onlyPacing)]).toEqual([[energy.id], [energy.id]]);
    expect([await getTagBySlug('pacing-and-rest'), await getRenamedTagSlug('pacing-and-rest'), await getRenamedTagSlug('pacing')]).toEqual([null, 'energy', 'energy']);

    expect(await deleteTag(await person('moderator'), energy.id)).toMatchObject({ ok: false });
    expect(await deleteTag(admin, energy.id)).toMatchObject({ ok: true });
    expect([await tagsOf(both), await getTagBySlug('energy'), await getRenamedTagSlug('pacing')]).toEqual([[], null, null]);
  });
});

describe('the menu', () => {
  let about: typeof pages.$inferSelect, draft: typeof pages.$inferSelect;
  beforeAll(async () => {
    [about] = await withTransaction((tx) => tx.insert(pages).values({ slug: 'about', title: 'About us', body: 'Hi.' }).returning());
    [draft] = await withTransaction((tx) => tx.insert(pages).values({ slug: 'coming-soon', title: 'Coming soon', body: 'Soon.', status: 'draft' }).returning());
  });

  it('saves pages, categories and links with one level of sub-items, and readers see names, order and no drafts', async () => {
    const category = (await listCategories())[0];
    const saved = await menu(admin, [
      { kind: 'link', label: 'Home', url: '/' },
      { kind: 'category', categoryId: category.id, label: '', children: [{ kind: 'link', label: 'Chat group 💬', url: 'https://chat.example.org/hearth' }] },
      { kind: 'page', pageId: draft.id, label: '', children: [{ kind: 'page', pageId: about.id, label: 'Who we are' }] },
    ]);
    expect(saved).toMatchObject({ ok: true });
    expect(await listMenu()).toEqual([
      { label: 'Home', href: '/', external: false, children: [] },
      { label: category.name, href: `/category/${category.slug}`, external: false, children: [{ label: 'Chat group 💬', href: 'https://chat.example.org/hearth', external: true, children: [] }] },
      { label: 'Who we are', href: '/about', external: false, children: [] },
    ]);
    expect((await listMenuForEditor())[1]).toEqual({ kind: 'category', pageId: null, categoryId: category.id, label: '', url: '', children: [expect.objectContaining({ label: 'Chat group 💬' })] });
  });

  it.each([
    ['a third level', [{ kind: 'link', label: 'A', url: '/a', children: [{ kind: 'link', label: 'B', url: '/b', children: [{ kind: 'link', label: 'C', url: '/c' }] }] }], 'cannot have sub-items'],
    ['a javascript: address', [{ kind: 'link', label: 'Click', url: 'javascript:alert(1)' }], '“javascript:” addresses are not allowed'],
    ['a data: address', [{ kind: 'link', label: 'Data', url: 'data:text/html,<script>alert(1)</script>' }], '“data:” addresses are not allowed'],
    ['a link without a label', [{ kind: 'link', label: '  ', url: 'https://shop.example.org' }], 'Item 1: give the link a label'],
    ['an address leaving the site through //', [{ kind: 'link', label: 'Sneaky', url: '//evil.example.org' }], 'starts with one “/”'],
    ['a sub-item page with no page chosen', [{ kind: 'link', label: 'A', url: '/a', children: [{ kind: 'page', label: '' }] }], 'sub-item 1: choose the page'],
  ])('refuses %s with a clear message and changes nothing', async (_what, items, message) => {
    const before = await menuRows();
    const result = await menu(admin, items);
    expect(result).toMatchObject({ ok: false, fieldErrors: { menu: expect.arrayContaining([expect.stringContaining(message)]) } });
    expect(await menuRows()).toEqual(before);
  });

  it('refuses a page that no longer exists, and anyone who is not an admin, changing nothing', async () => {
    const before = await menuRows();
    expect(await menu(admin, [{ kind: 'page', pageId: 99999, label: '' }])).toMatchObject({ ok: false, message: expect.stringContaining('no longer exists') });
    expect(await menu(await person('author'), [{ kind: 'link', label: 'Home', url: '/' }])).toMatchObject({ ok: false, message: expect.stringContaining('Only the site’s admins') });
    expect(await menuRows()).toEqual(before);
  });
});
