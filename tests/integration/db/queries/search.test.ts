import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { searchPosts } from '@/db/queries/search';
import { posts, postTags } from '@/db/schema';
import { toSearchQuery } from '@/lib/search-query';
import { createAuthor, createPost, createTag } from '../../../helpers/fixtures';

const find = async (q: string) => (await searchPosts(toSearchQuery(q)!, 1)).hits.map((h) => h.slug);

describe('full-text search', () => {
  let tagged: Awaited<ReturnType<typeof createPost>>, tag: Awaited<ReturnType<typeof createTag>>;
  beforeAll(async () => {
    const author = await createAuthor();
    await createPost({ authorId: author.id, slug: 'in-body', title: 'Small steps', body: 'Notes on pacing and the energy envelope.' });
    await createPost({ authorId: author.id, slug: 'in-title', title: 'Pacing for beginners', body: 'Start small.' });
    await createPost({ authorId: author.id, slug: 'hidden-draft', title: 'Pacing draft', status: 'draft' });
    tagged = await createPost({ authorId: author.id, slug: 'tagged', title: 'Evenings', body: 'Winding down.' });
    tag = await createTag('sleep-hygiene');
  });

  it('ranks title matches above body matches and never finds drafts', async () => {
    expect(await find('pacing')).toEqual(['in-title', 'in-body']);
  });

  it('stems words and matches prefixes', async () => {
    expect(await find('paced')).toEqual(expect.arrayContaining(['in-title', 'in-body']));
    expect(await find('envel')).toEqual(['in-body']);
  });

  it('leaves out the words no post has, says which, and still wants most of the words typed', async () => {
    const search = (q: string) => searchPosts(toSearchQuery(q)!, 1);
    // Of three words, the two found are "most of them": both are needed.
    expect(await search('pacing energy zqx')).toMatchObject({ total: 1, withAll: 0, wordsFindingNothing: ['zqx'], hits: [{ slug: 'in-body' }] });
    // Of four, two are enough: the post with all three found words first.
    const four = await search('pacing energy small zqx');
    expect(four).toMatchObject({ total: 2, withAll: 0, wordsFindingNothing: ['zqx'] });
    expect(four.hits.map((h) => h.slug)).toEqual(['in-body', 'in-title']);
    // One found word of three is not most of them.
    expect(await search('pacing zqx qvv')).toEqual({ total: 0, withAll: 0, wordsFindingNothing: ['zqx', 'qvv'], hits: [] });
    // Every word found: the post with both first, then those with one (fewer than a page have both).
    expect(await search('pacing energy')).toMatchObject({ total: 2, withAll: 1, wordsFindingNothing: [], hits: [{ slug: 'in-body' }, { slug: 'in-title' }] });
  });

  it('stays in step with edits, tags and deletions', async () => {
    await withTransaction((tx) => tx.insert(postTags).values({ postId: tagged.id, tagId: tag.id }));
    expect(await find('hygiene')).toEqual(['tagged']);
    await withTransaction((tx) => tx.update(posts).set({ title: 'Evenings and rest' }).where(eq(posts.id, tagged.id)));
    expect(await find('rest')).toEqual(['tagged']);
    await withTransaction((tx) => tx.delete(postTags).where(eq(postTags.postId, tagged.id)));
    expect(await find('hygiene')).toEqual([]);
    await withTransaction((tx) => tx.delete(posts).where(eq(posts.id, tagged.id)));
    expect(await find('rest')).toEqual([]);
  });

  it('survives hostile queries', async () => {
    for (const q of ['"', '*', 'NEAR', 'OR', 'a'.repeat(1000), '💛', 'שלום', "'; DROP TABLE posts; --"]) {
      const fts = toSearchQuery(q);
      if (fts) await expect(searchPosts(fts, 1)).resolves.toBeDefined();
    }
    expect((await getDb().select().from(posts)).length).toBeGreaterThan(0);
  });
});
