import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { searchPosts } from '@/db/queries/search';
import { posts, postTags } from '@/db/schema';
import { toSearchQuery } from '@/lib/search-query';
import { createAuthor, createPost, createTag } from '../../../helpers/fixtures';

const find = async (q: string) => (await searchPosts(toSearchQuery(q)!, 1)).hits.map((h) => h.slug);

describe('full-text search', () => {
  const author = createAuthor();
  createPost({ authorId: author.id, slug: 'in-body', title: 'Small steps', body: 'Notes on pacing and the energy envelope.' });
  createPost({ authorId: author.id, slug: 'in-title', title: 'Pacing for beginners', body: 'Start small.' });
  createPost({ authorId: author.id, slug: 'hidden-draft', title: 'Pacing draft', status: 'draft' });
  const tagged = createPost({ authorId: author.id, slug: 'tagged', title: 'Evenings', body: 'Winding down.' });
  const tag = createTag('sleep-hygiene');

  it('ranks title matches above body matches and never finds drafts', async () => {
    expect(await find('pacing')).toEqual(['in-title', 'in-body']);
  });

  it('stems words and matches prefixes', async () => {
    expect(await find('paced')).toEqual(expect.arrayContaining(['in-title', 'in-body']));
    expect(await find('envel')).toEqual(['in-body']);
  });

  it('stays in step with edits, tags and deletions', async () => {
    getDb().insert(postTags).values({ postId: tagged.id, tagId: tag.id }).run();
    expect(await find('hygiene')).toEqual(['tagged']);
    getDb().update(posts).set({ title: 'Evenings and rest' }).where(eq(posts.id, tagged.id)).run();
    expect(await find('rest')).toEqual(['tagged']);
    getDb().delete(postTags).where(eq(postTags.postId, tagged.id)).run();
    expect(await find('hygiene')).toEqual([]);
    getDb().delete(posts).where(eq(posts.id, tagged.id)).run();
    expect(await find('rest')).toEqual([]);
  });

  it('survives hostile queries', async () => {
    for (const q of ['"', '*', 'NEAR', 'OR', 'a'.repeat(1000), '💛', 'שלום', "'; DROP TABLE posts; --"]) {
      const fts = toSearchQuery(q);
      if (fts) await expect(searchPosts(fts, 1)).resolves.toBeDefined();
    }
    expect(getDb().select().from(posts).all().length).toBeGreaterThan(0);
  });
});
