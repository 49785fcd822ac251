import { getDb } from '@/db/index';
import { listPublishedPosts } from '@/db/queries/posts';
import { listMenu } from '@/db/queries/menu';
import { getPageBySlug } from '@/db/queries/pages';
import { getSiteSettings } from '@/db/queries/settings';
import { listCategories } from '@/db/queries/taxonomy';
import { isEmpty, seedIfEmpty } from '@/db/seed';
import { posts } from '@/db/schema';

describe('demo content', () => {
  it('fills an empty database with posts, categories, pages and settings', async () => {
    expect(await isEmpty()).toBe(true);
    expect(await seedIfEmpty()).toBe(true);
    const list = (await listPublishedPosts(1))!;
    expect(list.total).toBeGreaterThanOrEqual(8);
    expect(list.totalPages).toBeGreaterThanOrEqual(2);
    expect(new Set(list.posts.map((p) => p.author.slug)).size).toBeGreaterThanOrEqual(2);
    expect((await listCategories()).length).toBeGreaterThanOrEqual(3);
    for (const slug of ['about', 'privacy', 'medical-disclaimer']) expect(await getPageBySlug(slug)).not.toBeNull();
    expect((await getSiteSettings()).communityLinks.length).toBeGreaterThan(0);
  });

  it('starts with the menu the fixed navigation had: Home, the categories, Archive, then the pages', async () => {
    expect((await listMenu()).map((link) => link.href)).toEqual([
      '/',
      '/category/community-stories',
      '/category/living-well',
      '/category/research-news',
      '/archive',
      '/about',
      '/privacy',
      '/medical-disclaimer',
    ]);
    expect((await listMenu()).map((link) => link.label).slice(1, 4)).toEqual((await listCategories()).map((category) => category.name));
  });

  it('never writes into a database that already holds data', async () => {
    const before = (await getDb().select().from(posts)).length;
    expect(await seedIfEmpty()).toBe(false);
    expect(await getDb().select().from(posts)).toHaveLength(before);
  });
});
