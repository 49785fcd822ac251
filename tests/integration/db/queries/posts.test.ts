import { getAdjacentPosts, getPublishedPostBySlug, listArchive, listPublishedPosts, POSTS_PER_PAGE } from '@/db/queries/posts';
import { archiveMonths } from '@/lib/archive';
import { createAuthor, createCategory, createPost, createTag } from '../../../helpers/fixtures';

const now = new Date(Date.UTC(2026, 5, 1));
const day = 24 * 60 * 60 * 1000;

describe('post queries', () => {
  type Row<T extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<T>>;
  let author: Row<typeof createAuthor>, otherAuthor: Row<typeof createAuthor>, category: Row<typeof createCategory>, tag: Row<typeof createTag>;
  const visible: Row<typeof createPost>[] = [];
  let draft: Row<typeof createPost>, scheduled: Row<typeof createPost>, futurePublished: Row<typeof createPost>;
  beforeAll(async () => {
    author = await createAuthor({ name: 'Robin' });
    otherAuthor = await createAuthor();
    category = await createCategory('living-well');
    tag = await createTag('sleep');
    // 23 visible posts, one per day from 1 Feb; one in March is tagged and categorised.
    for (let i = 0; i < 23; i++) {
      visible.push(
        await createPost({
          authorId: i % 2 ? otherAuthor.id : author.id,
          publishedAt: new Date(Date.UTC(2026, 1, 1) + i * day),
          categoryId: i < 5 ? category.id : null,
          tagIds: i === 3 || i === 20 ? [tag.id] : [],
          body: 'word '.repeat(i === 0 ? 1000 : 10),
        }),
      );
    }
    draft = await createPost({ authorId: author.id, status: 'draft', publishedAt: new Date(Date.UTC(2026, 2, 1)), slug: 'secret-draft' });
    scheduled = await createPost({ authorId: author.id, status: 'scheduled', publishedAt: new Date(now.getTime() + day) });
    futurePublished = await createPost({ authorId: author.id, status: 'published', publishedAt: new Date(now.getTime() + day) });
  });

  it('lists only published posts whose time has come, newest first', async () => {
    const page = (await listPublishedPosts(1, {}, now))!;
    expect(page.total).toBe(23);
    expect(page.posts).toHaveLength(POSTS_PER_PAGE);
    expect(page.posts[0].slug).toBe(visible[22].slug);
    const dates = page.posts.map((p) => p.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    const hidden = [draft.slug, scheduled.slug, futurePublished.slug];
    const all = (await Promise.all([1, 2, 3].map((n) => listPublishedPosts(n, {}, now)))).flatMap((page) => page!.posts.map((p) => p.slug));
    expect(all).toHaveLength(23);
    expect(all.filter((slug) => hidden.includes(slug))).toEqual([]);
  });

  it('paginates: the last page holds the remainder, pages outside the range do not exist', async () => {
    expect((await listPublishedPosts(3, {}, now))!.posts).toHaveLength(3);
    expect((await listPublishedPosts(3, {}, now))!.totalPages).toBe(3);
    expect(await listPublishedPosts(4, {}, now)).toBeNull();
    expect(await listPublishedPosts(0, {}, now)).toBeNull();
    expect(await listPublishedPosts(-1, {}, now)).toBeNull();
    expect(await listPublishedPosts(1.5, {}, now)).toBeNull();
  });

  it('filters by category, tag and author', async () => {
    expect((await listPublishedPosts(1, { categoryId: category.id }, now))!.total).toBe(5);
    expect((await listPublishedPosts(1, { tagId: tag.id }, now))!.posts.map((p) => p.slug)).toEqual([visible[20].slug, visible[3].slug]);
    expect((await listPublishedPosts(1, { authorId: author.id }, now))!.total).toBe(12);
  });

  it('gives page 1 of an empty list', async () => {
    const empty = await createCategory('empty');
    expect(await listPublishedPosts(1, { categoryId: empty.id }, now)).toEqual({ posts: [], page: 1, totalPages: 1, total: 0 });
  });

  it('summarises a post without any email address', async () => {
    const summary = (await listPublishedPosts(1, { categoryId: category.id }, now))!.posts.at(-1)!;
    expect(summary).toMatchObject({ author: { name: 'Robin', slug: author.slug }, category: { slug: 'living-well' }, commentCount: 0 });
    expect(summary.readingMinutes).toBe(5);
    expect(JSON.stringify(summary)).not.toContain('@');
  });

  it('finds a post by slug only when readers may see it', async () => {
    expect(await getPublishedPostBySlug(visible[3].slug, now)).toMatchObject({ slug: visible[3].slug, tags: [{ slug: 'sleep', name: 'sleep' }] });
    expect(await getPublishedPostBySlug('secret-draft', now)).toBeNull();
    expect(await getPublishedPostBySlug(scheduled.slug, now)).toBeNull();
    expect(await getPublishedPostBySlug(futurePublished.slug, now)).toBeNull();
    expect(await getPublishedPostBySlug('no-such-post', now)).toBeNull();
  });

  it('links each post to its visible neighbours', async () => {
    const middle = (await getPublishedPostBySlug(visible[10].slug, now))!;
    expect(await getAdjacentPosts(middle, now)).toEqual({
      previous: { slug: visible[9].slug, title: visible[9].title },
      next: { slug: visible[11].slug, title: visible[11].title },
    });
    const newest = (await getPublishedPostBySlug(visible[22].slug, now))!;
    expect((await getAdjacentPosts(newest, now)).next).toBeNull();
  });

  it('groups the archive by month, newest month first', async () => {
    const archive = archiveMonths(await listArchive(now), 'UTC');
    expect(archive.map((m) => m.month)).toEqual(['2026-02']);
    expect(archive[0].posts).toHaveLength(23);
  });
});
