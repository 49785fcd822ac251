/**
 * The reading connection refuses writes: a write that skipped withTransaction(…) fails at once instead of
 * waiting on the writing connection's lock. SQLite only (PostgreSQL has no separate reading connection), so
 * jest.postgres.config.js leaves it out.
 */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { rateLimitHits } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

const key = 'sign-in:zoë.o’brien-ñúñez@example.org';
const hitsFor = async (k: string) => (await getDb().select({ key: rateLimitHits.key }).from(rateLimitHits).where(eq(rateLimitHits.key, k))).length;

describe('the reading connection', () => {
  it('refuses a write outside withTransaction with SQLite’s own error, while reads and withTransaction work', async () => {
    const strayInsert = async () => getDb().insert(rateLimitHits).values({ key, at: new Date() });
    await expect(strayInsert()).rejects.toMatchObject({ message: 'attempt to write a readonly database' });
    const strayDelete = async () => getDb().delete(rateLimitHits);
    await expect(strayDelete()).rejects.toMatchObject({ message: 'attempt to write a readonly database' });
    expect(await hitsFor(key)).toBe(0);

    await withTransaction(async () => {
      await getDb()
        .insert(rateLimitHits)
        .values([
          { key, at: new Date() },
          { key: 'sign-in:łukasz@example.org', at: new Date() },
        ]);
    });
    expect(await hitsFor(key)).toBe(1);
    expect(await hitsFor('sign-in:łukasz@example.org')).toBe(1);
  });
});
