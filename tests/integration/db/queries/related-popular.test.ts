import { withTransaction } from '@/db/transaction';
import { listPopularPosts, listRelatedPosts } from '@/db/queries/posts';
import { comments, users } from '@/db/schema';
import { createAuthor, createCategory, createPost, createTag } from '../../../helpers/fixtures';

describe('related and popular posts', () => {
  let author: Awaited<ReturnType<typeof createAuthor>>, subject: Awaited<ReturnType<typeof createPost>>;
  beforeAll(async () => {
    author = await createAuthor();
    const living = await createCategory('living-well');
    const research = await createCategory('research-news');
    const [sleep, pacing, diet] = [await createTag('sleep'), await createTag('pacing'), await createTag('diet')];
    subject = await createPost({ authorId: author.id, slug: 'subject', categoryId: living.id, tagIds: [sleep.id, pacing.id] });
    await createPost({ authorId: author.id, slug: 'two-tags', categoryId: research.id, tagIds: [sleep.id, pacing.id] });
    await createPost({ authorId: author.id, slug: 'one-tag-same-category', categoryId: living.id, tagIds: [sleep.id] });
    await createPost({ authorId: author.id, slug: 'same-category-only', categoryId: living.id, tagIds: [diet.id] });
    await createPost({ authorId: author.id, slug: 'unrelated', categoryId: research.id, tagIds: [diet.id] });
    await createPost({ authorId: author.id, slug: 'related-draft', status: 'draft', categoryId: living.id, tagIds: [sleep.id, pacing.id] });
  });

  it('ranks shared tags above a shared category, and leaves out the post itself, drafts and unrelated posts', async () => {
    expect((await listRelatedPosts({ id: subject.id, categorySlug: 'living-well' })).map((p) => p.slug)).toEqual(['two-tags', 'one-tag-same-category', 'same-category-only']);
  });

  it('orders posts by approved comments in the last 30 days', async () => {
    const reader = (await withTransaction((tx) => tx.insert(users).values({ email: 'r@example.org', name: 'R' }).returning()))[0];
    const now = new Date();
    const add = (postId: number, status: 'approved' | 'pending', daysAgo: number) =>
      withTransaction((tx) => tx.insert(comments).values({ postId, authorId: reader.id, body: 'x', html: '<p>x</p>', status, createdAt: new Date(now.getTime() - daysAgo * 86_400_000) }));
    const busy = await createPost({ authorId: author.id, slug: 'busy' });
    const quiet = await createPost({ authorId: author.id, slug: 'quiet' });
    for (let i = 0; i < 3; i++) await add(busy.id, 'approved', 2);
    await add(quiet.id, 'approved', 5);
    await add(quiet.id, 'pending', 1);
    await add(quiet.id, 'approved', 45);
    expect(await listPopularPosts(5, now)).toEqual([
      { slug: 'busy', title: busy.title, recentComments: 3 },
      { slug: 'quiet', title: quiet.title, recentComments: 1 },
    ]);
  });
});
