/**
 * Search as patients type it: missing and curly apostrophes, hyphens, accents, typos, stop words and
 * long questions, over varied posts, with drafts and a scheduled post whose words must never show.
 */
import { eq } from 'drizzle-orm';
import { databaseEngine } from '@/db/database-file';
import { withTransaction } from '@/db/transaction';
import { searchPosts } from '@/db/queries/search';
import { posts } from '@/db/schema';
import { toSearchQuery } from '@/lib/search-query';
import { correctedSearch } from '@/lib/search-suggestion';
import { createAuthor, createPost } from '../../helpers/fixtures';

let zoe: Awaited<ReturnType<typeof createAuthor>>, lukasz: typeof zoe;
const post = (slug: string, title: string, body: string, extra: Partial<Parameters<typeof createPost>[0]> = {}) =>
  createPost({ authorId: slug.length % 2 ? zoe.id : lukasz.id, slug, title, body, excerpt: '', ...extra });

const published: [slug: string, title: string, body: string][] = [
  ['cant-sleep', 'When you can’t sleep at night', "Painsomnia again. I can't switch off, so here are my sleep hygiene tips: dim lights, no screens."],
  ['sleep-routine', 'A gentle sleep routine', 'Sleep comes slowly; a warm drink and the same bedtime help me sleep.'],
  ['brain-fog', 'Brain fog at work', 'Lists, alarms and a quiet desk helped with brain-fog during meetings.'],
  ['pacing', 'Pacing for beginners', 'Pacing means stopping before you crash: the energy envelope, planned rests, smaller days.'],
  ['exercise', 'Fatigue after exercise', 'Post-exertional malaise: the fatigue arrives a day after exercise, so exercise gently.'],
  ['flare', 'Getting through a flare-up', 'A flare up can last days; keep a flare kit ready.'],
  ['methotrexate', 'Methotrexate side effects I noticed', 'Nausea the day after my dose of methotrexate; folic acid helped with the side effects.'],
  ['pain', 'What helps with pain on bad days', 'Heat pads, warm baths and gentle stretching help the pain a little.'],
  ['cafe', 'Our café mornings', 'We meet at the café every Thursday for tea.'],
  ['lodz', 'Łódź meetup', 'Members in Łódź meet once a month; Łukasz brings biscuits.'],
  ['sjogrens', 'Living with Sjögren’s', "Dry eyes and dry mouth: Sjögren's syndrome is an autoimmune condition."],
  ['ldn', 'Low dose naltrexone (LDN)', 'LDN helped some members with fibromyalgia pain; ask your doctor about low dose naltrexone.'],
  ['zoe-story', 'Zoë’s story', 'Written by Zoë O’Brien-Ñúñez about ten years of fibromyalgia.'],
];
beforeAll(async () => {
  zoe = await createAuthor({ name: 'Zoë O’Brien-Ñúñez' });
  lukasz = await createAuthor({ name: 'Łukasz' });
  for (const [slug, title, body] of published) await post(slug, title, body);
  // Words only unpublished posts use: never found, never suggested, even when used more often.
  for (const n of [1, 2, 3, 4, 5]) await post(`draft-${n}`, `Draft ${n}`, 'slap slap step zolpidemix methotrexate pancreas secret', { status: 'draft', publishedAt: null });
  await post('scheduled', 'Spring gatheringz', 'gatheringz gatheringz', { status: 'scheduled', publishedAt: new Date(Date.now() + 86_400_000) });
});

let version = 0;
const run = async (q: string) => {
  const query = toSearchQuery(q)!;
  const results = await searchPosts(query, 1);
  return { slugs: results.hits.map((h) => h.slug), results, suggestion: await correctedSearch(query, results.wordsFindingNothing, String(++version)) };
};

type Row = { q: string; first?: string; found?: string[]; partial?: boolean; suggest?: string | null };
const rows: Row[] = [
  { q: 'cant sleep at night', first: 'cant-sleep', partial: false },
  { q: "can't sleep", first: 'cant-sleep', found: ['sleep-routine'] },
  { q: 'can’t sleep', first: 'cant-sleep', found: ['sleep-routine'] },
  { q: 'CANT SLEEP', first: 'cant-sleep' },
  { q: 'slep', found: [], suggest: 'sleep' },
  { q: 'brain fog at work', first: 'brain-fog' },
  { q: 'Brain-fog', first: 'brain-fog' },
  { q: 'pacing tips', first: 'pacing', found: ['cant-sleep'], partial: true },
  { q: 'how do I pace myself', first: 'pacing', partial: true, suggest: null },
  { q: 'fatigue after excercise', first: 'exercise', partial: true, suggest: 'fatigue after exercise' },
  { q: 'flare up', first: 'flare' },
  { q: 'flare-up', first: 'flare' },
  { q: 'methotrexate side effects', first: 'methotrexate' },
  { q: 'what helps with pain', first: 'pain', found: ['ldn'] },
  { q: 'café', first: 'cafe' },
  { q: 'cafe', first: 'cafe' },
  { q: 'Łódź meetup', first: 'lodz' },
  // Ł has no plain-letter form in Unicode, so SQLite's index keeps it and the reader is pointed to the word posts
  // use; PostgreSQL's unaccent maps it to L and finds the post outright.
  databaseEngine() === 'postgres' ? { q: 'lodz meetup', first: 'lodz', partial: false, suggest: null } : { q: 'lodz meetup', first: 'lodz', partial: true, suggest: 'łodz meetup' },
  { q: 'sjogrens', first: 'sjogrens' },
  { q: 'Sjögren’s syndrome', first: 'sjogrens' },
  { q: 'the', found: ['pacing', 'methotrexate'] },
  { q: 'low dose naltrexone', first: 'ldn' },
  { q: 'LDN', first: 'ldn' },
  { q: 'naltrexon', first: 'ldn', suggest: null },
  { q: 'pian', found: [], suggest: 'pain' },
  { q: 'fibromyalgia pian', found: ['ldn', 'zoe-story'], partial: true, suggest: 'fibromyalgia pain' },
  { q: 'Zoë', first: 'zoe-story' },
  { q: 'zoe', first: 'zoe-story' },
  { q: 'O’Brien', first: 'zoe-story' },
  { q: 'zolpidemix', found: [], suggest: null },
  { q: 'zolpidemx', found: [], suggest: null },
  { q: 'gatheringz', found: [], suggest: null },
  { q: 'gatherinz', found: [], suggest: null },
  { q: 'methotrexate pancreas', first: 'methotrexate', partial: true },
  { q: 'secret', found: [] },
];

describe('forgiving search', () => {
  it.each(rows)('$q', async ({ q, first, found, partial, suggest }) => {
    const { slugs, results, suggestion } = await run(q);
    expect(slugs.filter((s) => s.startsWith('draft-') || s === 'scheduled')).toEqual([]);
    if (first) expect(slugs[0]).toBe(first);
    if (found?.length) expect(slugs).toEqual(expect.arrayContaining(found));
    if (found?.length === 0) expect(slugs).toEqual([]);
    if (partial !== undefined) expect(results.withAll === 0).toBe(partial);
    if (suggest !== undefined) expect(suggestion).toBe(suggest);
  });

  it('puts posts with all the words before those with most of them, and counts both', async () => {
    const { slugs, results } = await run('sleep tips');
    expect(results.withAll).toBe(1);
    expect(slugs[0]).toBe('cant-sleep');
    expect(slugs).toContain('sleep-routine');
    expect(results.total).toBe(slugs.length);
  });

  it('leaves out posts with too few of the words', async () => {
    // Three words: a post needs two of them; the café post has only "tea".
    expect((await run('tea dose naltrexone')).slugs).toEqual(['ldn']);
  });

  it('learns the words of a post when it is published, and forgets them when it goes back to draft', async () => {
    expect((await run('zolpidemx')).suggestion).toBeNull();
    await withTransaction((tx) =>
      tx
        .update(posts)
        .set({ status: 'published', publishedAt: new Date(Date.now() - 1000) })
        .where(eq(posts.slug, 'draft-1')),
    );
    expect((await run('zolpidemx')).suggestion).toBe('zolpidemix');
    await withTransaction((tx) => tx.update(posts).set({ status: 'draft', publishedAt: null }).where(eq(posts.slug, 'draft-1')));
    expect((await run('zolpidemx')).suggestion).toBeNull();
  });

  it('keeps the vocabulary until a scheduled post comes out, then learns its words', async () => {
    const query = toSearchQuery('gatherinz')!;
    expect(await correctedSearch(query, ['gatherinz'], 'same', new Date())).toBeNull();
    expect(await correctedSearch(query, ['gatherinz'], 'same', new Date(Date.now() + 2 * 86_400_000))).toBe('gatheringz');
  });
});
