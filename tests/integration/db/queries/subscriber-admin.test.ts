/**
 * The admin's subscriber list and its CSV rows say what each subscriber chose: several subscribers with
 * different topic sets, frequencies and statuses, across the list, search, paging and the export.
 * (The list once showed "No topics" or another subscriber's topics while delivery used the right ones.)
 */
import { inArray } from 'drizzle-orm';
import { withTransaction } from '@/db/transaction';
import { listAllSubscribers, searchSubscribers, SUBSCRIBERS_PER_PAGE } from '@/db/queries/subscriber-admin';
import { categories, subscribers } from '@/db/schema';
import { createSubscriber } from '../../../helpers/fixtures';

const category = async (slug: string, name: string, position: number) => (await withTransaction((tx) => tx.insert(categories).values({ slug, name, position }).returning()))[0];

let livingWell: Awaited<ReturnType<typeof category>>;
let research: Awaited<ReturnType<typeof category>>;
let odd: Awaited<ReturnType<typeof category>>;

beforeAll(async () => {
  await withTransaction((tx) => tx.delete(subscribers));
  // Ids deliberately out of step with the subscribers' ids, so a mis-keyed lookup shows.
  for (let i = 0; i < 7; i++) await category(`filler-${i}`, `Filler ${i}`, 50 + i);
  livingWell = await category('living-well', 'Living Well', 1);
  research = await category('research', 'Research news', 2);
  odd = await category('zoe', 'Zoë’s “Ñúñez” corner 🌿, & more', 3);
  await createSubscriber({ email: 'zoe.obrien-nunez@example.org', categoryIds: [livingWell.id] });
  await createSubscriber({ email: 'lukasz@example.org', categoryIds: [research.id, livingWell.id], frequency: 'weekly' });
  await createSubscriber({ email: 'ada@example.org' }); // all topics
  await createSubscriber({ email: 'sam@example.org', categoryIds: [odd.id], status: 'pending' });
  await createSubscriber({ email: 'mo@example.org', categoryIds: [research.id], status: 'unsubscribed', frequency: 'weekly' });
  await createSubscriber({ email: 'kim@example.org', allCategories: false }); // chose topics, then every one was removed
});

const expected = {
  'ada@example.org': { status: 'confirmed', frequency: 'each-post', topics: 'All posts' },
  'kim@example.org': { status: 'confirmed', frequency: 'each-post', topics: 'No topics' },
  'lukasz@example.org': { status: 'confirmed', frequency: 'weekly', topics: 'Living Well, Research news' },
  'mo@example.org': { status: 'unsubscribed', frequency: 'weekly', topics: 'Research news' },
  'sam@example.org': { status: 'pending', frequency: 'each-post', topics: 'Zoë’s “Ñúñez” corner 🌿, & more' },
  'zoe.obrien-nunez@example.org': { status: 'confirmed', frequency: 'each-post', topics: 'Living Well' },
};
const shown = (rows: { email: string; status: string; frequency: string; topics: string }[]) =>
  Object.fromEntries(rows.map((r) => [r.email, { status: r.status, frequency: r.frequency, topics: r.topics }]));

describe('the subscriber list', () => {
  it('shows each subscriber’s own topics, frequency and status', async () => {
    const { rows, total } = await searchSubscribers('', 1);
    expect(total).toBe(6);
    expect(shown(rows)).toEqual(expected);
  });

  it('keeps them right when searching', async () => {
    expect(shown((await searchSubscribers('zoe', 1)).rows)).toEqual({ 'zoe.obrien-nunez@example.org': expected['zoe.obrien-nunez@example.org'] });
    expect(shown((await searchSubscribers('SAM@', 1)).rows)).toEqual({ 'sam@example.org': expected['sam@example.org'] });
    expect(shown((await searchSubscribers('z', 1)).rows)).toEqual({ 'lukasz@example.org': expected['lukasz@example.org'], 'zoe.obrien-nunez@example.org': expected['zoe.obrien-nunez@example.org'] });
  });

  it('keeps them right on later pages', async () => {
    const extra: Awaited<ReturnType<typeof createSubscriber>>[] = [];
    for (let i = 0; i < SUBSCRIBERS_PER_PAGE; i++) {
      extra.push(await createSubscriber({ email: `aa-${String(i).padStart(2, '0')}@example.org`, categoryIds: i % 2 ? [research.id] : [odd.id, livingWell.id] }));
    }
    try {
      const second = await searchSubscribers('', 2);
      expect(second.total).toBe(6 + SUBSCRIBERS_PER_PAGE);
      expect(shown(second.rows)).toEqual(expected);
      const first = (await searchSubscribers('', 1)).rows;
      expect(first).toHaveLength(SUBSCRIBERS_PER_PAGE);
      for (const [i, row] of first.entries()) expect(row.topics).toBe(i % 2 ? 'Research news' : 'Living Well, Zoë’s “Ñúñez” corner 🌿, & more');
    } finally {
      await withTransaction((tx) =>
        tx.delete(subscribers).where(
          inArray(
            subscribers.id,
            extra.map((s) => s.id),
          ),
        ),
      );
    }
  });

  it('exports the same truth in the CSV rows', async () => {
    expect(shown(await listAllSubscribers())).toEqual(expected);
  });
});
