/**
 * Search gives the same answers on SQLite and on PostgreSQL: the same varied posts are written to a SQLite file
 * and to a throwaway PostgreSQL cluster, and a table of real reader phrasings (missing apostrophes, accents,
 * typos, prefixes, stop words only, hostile syntax) must find the same posts, with the same counts, the same
 * first post where the ranking is clear, highlighted snippets and the same "Did you mean". Drafts and posts
 * still scheduled are never found on either. Each engine's database modules are loaded on their own with
 * DATABASE_URL naming it; calls take turns, each with DATABASE_URL set to its engine.
 */
import { MATCH_END, MATCH_START, type SearchResults } from '@/db/queries/search';
import { toSearchQuery } from '@/lib/search-query';
import { loadEngine, on, type EngineName, type Loaded } from '../../helpers/both-engines';
import { startPostgres, type PostgresCluster } from '../../helpers/postgres';

type Engine = Loaded<{
  transaction: typeof import('@/db/transaction');
  schema: typeof import('@/db/schema');
  search: typeof import('@/db/queries/search');
  suggestion: typeof import('@/lib/search-suggestion');
}>;

let cluster: PostgresCluster;
let engines: Engine[] = [];

const load = (name: EngineName, url: string): Promise<Engine> =>
  loadEngine(name, url, async () => ({
    transaction: await import('@/db/transaction'),
    schema: await import('@/db/schema'),
    search: await import('@/db/queries/search'),
    suggestion: await import('@/lib/search-suggestion'),
  }));

const DAY = 86_400_000;
const now = new Date();
type PostRow = { slug: string; title: string; body: string; excerpt?: string; tags?: string[]; status?: 'draft' | 'scheduled' | 'published'; at?: number };

const POSTS: PostRow[] = [
  { slug: 'cant-sleep', title: 'When you can’t sleep at night', body: "Painsomnia again. I can't switch off, so here are my sleep hygiene tips: dim lights, no screens.", tags: ['Sleep'] },
  { slug: 'sleep-routine', title: 'A gentle sleep routine', body: 'Sleep comes slowly; a warm drink and the same bedtime help me sleep.' },
  { slug: 'brain-fog', title: 'Brain fog at work', body: 'Lists, alarms and a quiet desk helped with brain-fog during meetings.', tags: ['Cognition'] },
  { slug: 'pacing', title: 'Pacing for beginners', body: 'Pacing means stopping before you crash: the energy envelope, planned rests, smaller days.', tags: ['Energy'] },
  { slug: 'exercise', title: 'Fatigue after exercise', body: 'Post-exertional malaise: the fatigue arrives a day after exercise, so exercise gently.' },
  { slug: 'flare', title: 'Getting through a flare-up', body: 'A flare up can last days; keep a flare kit ready.' },
  { slug: 'methotrexate', title: 'Methotrexate side effects I noticed', body: 'Nausea the day after my dose of methotrexate; folic acid helped with the side effects.' },
  { slug: 'pain', title: 'What helps with pain on bad days', body: 'Heat pads, warm baths and gentle stretching help the pain a little.' },
  { slug: 'lodz', title: 'Łódź meetup', body: 'Members in Łódź meet once a month; Łukasz brings biscuits.' },
  { slug: 'sjogrens', title: 'Living with Sjögren’s', body: "Dry eyes and dry mouth: Sjögren's syndrome is an autoimmune condition." },
  { slug: 'emigre', title: 'An émigré at the café', excerpt: 'Notes from abroad', body: 'After moving abroad I found a café where other émigrés meet on Thursdays.' },
  { slug: 'ldn', title: 'Low dose naltrexone (LDN)', body: 'LDN helped some members with fibromyalgia pain; ask your doctor about low dose naltrexone.' },
  { slug: 'zoe-story', title: 'Zoë’s story', body: 'Written by Zoë O’Brien-Ñúñez about ten years of fibromyalgia.' },
  { slug: 'tagged-only', title: 'Evening notes', body: 'Winding down slowly.', tags: ['Hydrotherapy'] },
  { slug: 'was-scheduled', title: 'Spring walk report', body: 'The spring walk happened; twelve of us came.', status: 'scheduled', at: now.getTime() - DAY },
  {
    slug: 'long-read',
    title: 'A long read',
    body: `${'Slow mornings, stiff hands and a kettle that takes forever. '.repeat(40)}Then the hydrotherapy pool opened again. ${'Warm water, quiet lanes. '.repeat(40)}`,
  },
  // Twelve posts with one shared word, to fill more than a page.
  ...Array.from({ length: 12 }, (_, i) => ({ slug: `spoons-${i + 1}`, title: `Spoon diary, week ${i + 1}`, body: `Counting spoons again${i % 3 === 0 ? ', with energy to spare' : ''}.` })),
  // Words only unpublished posts use: never found, never suggested.
  { slug: 'draft-sleep', title: 'Draft about sleep', body: 'sleep secretword zolpidemix pacing', status: 'draft' },
  { slug: 'future', title: 'Spring gatheringz', body: 'gatheringz sleep pacing', status: 'scheduled', at: now.getTime() + DAY },
];
const HIDDEN = ['draft-sleep', 'future'];

async function writePosts(engine: Engine) {
  const { users, posts, tags, postTags } = engine.schema;
  await on(engine, () =>
    engine.transaction.withTransaction(async (tx) => {
      const authors = await tx
        .insert(users)
        .values([
          { name: 'Zoë O’Brien-Ñúñez', email: 'zoe@example.org', role: 'author', slug: 'zoe' },
          { name: 'Łukasz', email: 'lukasz@example.org', role: 'author', slug: 'lukasz' },
          { name: 'Amara Okafor', email: 'amara@example.org', role: 'admin', slug: 'amara' },
        ])
        .returning();
      const tagIds = new Map<string, number>();
      for (const [i, post] of POSTS.entries()) {
        const at = post.status === 'draft' ? null : new Date(post.at ?? Date.UTC(2026, 0, 1) + i * DAY);
        const [row] = await tx
          .insert(posts)
          .values({ slug: post.slug, title: post.title, excerpt: post.excerpt ?? '', body: post.body, status: post.status ?? 'published', publishedAt: at, authorId: authors[i % 3].id })
          .returning();
        for (const name of post.tags ?? []) {
          if (!tagIds.has(name)) tagIds.set(name, (await tx.insert(tags).values({ slug: name.toLowerCase(), name }).returning())[0].id);
          await tx.insert(postTags).values({ postId: row.id, tagId: tagIds.get(name)! });
        }
      }
    }),
  );
}

beforeAll(async () => {
  const sqliteUrl = process.env.DATABASE_URL!;
  cluster = await startPostgres();
  engines = [await load('sqlite', sqliteUrl), await load('postgres', cluster.url)];
  for (const engine of engines) await writePosts(engine);
}, 60_000);

afterAll(async () => {
  const postgres = engines.find((engine) => engine.name === 'postgres');
  await postgres?.index.postgresDb().$client.end();
  await cluster?.stop();
});

let version = 0;
type Answer = { results: SearchResults; slugs: string[]; suggestion: string | null };

/** What a reader gets for `q` on each engine: the page's posts, the counts and the suggestion the page would show. */
async function ask(q: string, page = 1): Promise<Record<Engine['name'], Answer>> {
  const query = toSearchQuery(q)!;
  const answers = {} as Record<Engine['name'], Answer>;
  const stamp = String(++version);
  for (const engine of engines) {
    answers[engine.name] = await on(engine, async () => {
      const results = await engine.search.searchPosts(query, page, now);
      const suggestion = results.withAll === 0 ? await engine.suggestion.correctedSearch(query, results.wordsFindingNothing, stamp, now) : null;
      return { results, slugs: results.hits.map((hit) => hit.slug), suggestion };
    });
  }
  return answers;
}

type Row = { q: string; first?: string; found?: string[]; suggest?: string | null };
const rows: Row[] = [
  { q: 'cant sleep at night', first: 'cant-sleep', found: ['cant-sleep'] },
  { q: "can't sleep", first: 'cant-sleep' },
  { q: 'can’t sleep', first: 'cant-sleep' },
  { q: 'CANT SLEEP', first: 'cant-sleep' },
  { q: 'slep', found: [], suggest: 'sleep' },
  { q: 'sle', found: ['cant-sleep', 'sleep-routine'] },
  { q: 'brain fog', first: 'brain-fog' },
  { q: 'Brain-fog', first: 'brain-fog' },
  { q: 'pacing', first: 'pacing', found: ['pacing'] },
  { q: 'paced', found: ['pacing'] },
  { q: 'envel', found: ['pacing'] },
  { q: 'Łódź', first: 'lodz', found: ['lodz'] },
  { q: 'sjogrens', first: 'sjogrens', found: ['sjogrens'] },
  { q: 'Sjögren’s syndrome', first: 'sjogrens' },
  { q: 'emigre', first: 'emigre', found: ['emigre'] },
  { q: 'cafe', first: 'emigre', found: ['emigre'] },
  { q: 'Zoë', first: 'zoe-story' },
  { q: 'zoe', first: 'zoe-story' },
  { q: 'O’Brien', first: 'zoe-story', found: ['zoe-story'] },
  { q: 'the', found: ['pacing', 'methotrexate', 'sleep-routine'] },
  { q: 'to be or not to be' },
  { q: 'hydrotherapy', found: ['tagged-only'] },
  { q: 'spring walk', first: 'was-scheduled', found: ['was-scheduled'] },
  { q: 'fibromyalgia pian', found: ['ldn', 'zoe-story'], suggest: 'fibromyalgia pain' },
  { q: 'fatigue after excercise', first: 'exercise', suggest: 'fatigue after exercise' },
  { q: 'methotrexate pancreas', first: 'methotrexate' },
  { q: 'secretword', found: [], suggest: null },
  { q: 'fatigue ²' },
  { q: 'x² fatigue' },
  { q: 'שלום fatigue' },
  { q: 'dose 10mg' },
  { q: 'flare2' },
  { q: 'gatheringz', found: [], suggest: null },
  { q: 'gatherinz', found: [], suggest: null },
  { q: '"NEAR( sleep', found: ['cant-sleep', 'sleep-routine'], suggest: 'heat sleep' },
  { q: "'):* | !& sleep", found: ['cant-sleep', 'sleep-routine'] },
  // Two of the three words: only the post with sleep and "pain…" (Painsomnia).
  { q: 'sleep:* & !pain <-> fog', found: ['cant-sleep'] },
  { q: "\\' pain'' OR fog\\", found: ['pain', 'brain-fog'] },
];

describe('search parity between SQLite and PostgreSQL', () => {
  it.each(rows)('$q', async ({ q, first, found, suggest }) => {
    const { sqlite, postgres } = await ask(q);
    expect([...postgres.slugs].sort()).toEqual([...sqlite.slugs].sort());
    expect({ total: postgres.results.total, withAll: postgres.results.withAll }).toEqual({ total: sqlite.results.total, withAll: sqlite.results.withAll });
    expect(postgres.suggestion).toBe(sqlite.suggestion);
    for (const { slugs } of [sqlite, postgres]) {
      expect(slugs.filter((slug) => HIDDEN.includes(slug))).toEqual([]);
      if (first) expect(slugs[0]).toBe(first);
      if (found?.length) expect(slugs).toEqual(expect.arrayContaining(found));
      if (found?.length === 0) expect(slugs).toEqual([]);
    }
    if (suggest !== undefined) expect(sqlite.suggestion).toBe(suggest);
  });

  it('reads a word with syntax in it as plain letters on both, whoever calls', async () => {
    const hostile = {
      words: [
        { term: 'sl"e\'e):*|!&p', split: 'sl\')* e<->e"p' },
        { term: 'f"o)g:*', split: null },
      ],
    };
    for (const engine of engines) {
      const results = await on(engine, () => engine.search.searchPosts(hostile, 1, now));
      expect(results.hits.map((hit) => hit.slug).sort()).toEqual(['brain-fog', 'cant-sleep', 'sleep-routine']);
      await expect(on(engine, () => engine.search.searchPosts({ words: [{ term: "'):* | !&", split: null }] }, 1, now))).rejects.toThrow('A search word needs a letter or a digit');
    }
  });

  // The one difference: Ł has no plain-letter form in Unicode, so FTS5 keeps it and points the reader to the
  // word posts use, where PostgreSQL's unaccent turns it into L and finds the post at once.
  it('finds "lodz" on PostgreSQL, and suggests "łodz" on SQLite', async () => {
    const { sqlite, postgres } = await ask('lodz meetup');
    expect(postgres).toMatchObject({ slugs: ['lodz'], results: { withAll: 1 }, suggestion: null });
    expect(sqlite).toMatchObject({ slugs: ['lodz'], results: { withAll: 0 }, suggestion: 'łodz meetup' });
  });

  it('keeps the vocabulary until the scheduled post comes out, then suggests its words, on both', async () => {
    const query = toSearchQuery('gatherinz')!;
    for (const engine of engines) {
      await on(engine, async () => {
        expect(await engine.suggestion.correctedSearch(query, ['gatherinz'], 'kept', now)).toBeNull();
        expect(await engine.suggestion.correctedSearch(query, ['gatherinz'], 'kept', new Date(now.getTime() + 2 * DAY))).toBe('gatheringz');
      });
    }
  });

  it('pages and counts alike: a full first page, the rest on the second, and the total past the last page', async () => {
    for (const [q, page, size, total] of [
      ['spoons', 1, 10, 12],
      ['spoons', 2, 2, 12],
      ['spoons', 3, 0, 12],
      ['spoons energy', 1, 10, 13],
      ['spoons energy', 2, 3, 13],
      ['spoons energy', 5, 0, 13],
    ] as const) {
      const { sqlite, postgres } = await ask(q, page);
      for (const answer of [sqlite, postgres]) expect({ q, page, size: answer.slugs.length, total: answer.results.total }).toEqual({ q, page, size, total });
      expect(postgres.results.withAll).toBe(sqlite.results.withAll);
    }
    // All the words first: the four spoon posts with energy lead on both.
    const { sqlite, postgres } = await ask('spoons energy');
    for (const { slugs } of [sqlite, postgres]) expect(slugs.slice(0, 4).sort()).toEqual(['spoons-1', 'spoons-10', 'spoons-4', 'spoons-7']);
  });

  it('ranks a title match above a body match on both', async () => {
    const { sqlite, postgres } = await ask('fatigue');
    expect(sqlite.slugs).toEqual(['exercise']);
    expect(postgres.slugs).toEqual(['exercise']);
    const both = await ask('pain');
    expect(both.sqlite.slugs[0]).toBe('pain');
    expect(both.postgres.slugs[0]).toBe('pain');
  });

  it('marks the matches in the snippets on both', async () => {
    const { sqlite, postgres } = await ask('switch off');
    for (const answer of [sqlite, postgres]) {
      const [hit] = answer.results.hits;
      expect(hit.snippet).toContain(`${MATCH_START}switch${MATCH_END}`);
      expect(hit.snippet).toContain(`${MATCH_START}off${MATCH_END}`);
      expect(hit.snippet).toContain('Painsomnia');
    }
    // A long body gives one short passage around the match, not the whole post.
    const long = await ask('pool');
    for (const answer of [long.sqlite, long.postgres]) {
      const [hit] = answer.results.hits;
      expect(hit.snippet).toContain(`${MATCH_START}pool${MATCH_END}`);
      expect(hit.snippet.split(/\s+/).length).toBeLessThanOrEqual(25);
    }
    const accents = await ask('lukasz biscuits');
    for (const answer of [accents.sqlite, accents.postgres]) expect(answer.results.hits[0].snippet).toContain(`${MATCH_START}biscuits${MATCH_END}`);
  });
});
