import { count, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { rateLimitHits } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

const key = 'transaction-test';
const hits = async () => (await getDb().select({ n: count() }).from(rateLimitHits).where(eq(rateLimitHits.key, key)))[0].n;
const nextTick = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => withTransaction((tx) => tx.delete(rateLimitHits)));

describe('withTransaction', () => {
  it('lets a check and the write it decides run as one: 20 at once against a limit of 5 store exactly 5', async () => {
    const attempt = () =>
      withTransaction(async () => {
        const seen = await hits();
        await nextTick(); // another request's turn, if the transactions did not take turns
        if (seen >= 5) return false;
        await getDb().insert(rateLimitHits).values({ key, at: new Date() });
        return true;
      });
    const allowed = await Promise.all(Array.from({ length: 20 }, attempt));
    expect(allowed.filter(Boolean)).toHaveLength(5);
    expect(await hits()).toBe(5);
  });

  it('keeps uncommitted rows from reads outside the transaction, and shows them inside it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let seenInside = -1;
    let readInside!: () => void;
    // Waits for the read inside, however many round trips the engine needs (SQLite's take none).
    const insideRead = new Promise<void>((resolve) => (readInside = resolve));
    const writing = withTransaction(async () => {
      await getDb().insert(rateLimitHits).values({ key, at: new Date() });
      seenInside = await hits();
      readInside();
      await held;
    });
    await insideRead;
    expect(seenInside).toBe(1);
    expect(await hits()).toBe(0);
    release();
    await writing;
    expect(await hits()).toBe(1);
  });

  it('rolls back everything when the body throws, passes the error on unchanged, and serves the next one', async () => {
    const failure = new Error('refused by a rule');
    await expect(
      withTransaction(async () => {
        await getDb().insert(rateLimitHits).values({ key, at: new Date() });
        // A query function that opens its own transaction joins this one instead.
        await withTransaction(async () => getDb().insert(rateLimitHits).values({ key, at: new Date() }));
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await hits()).toBe(0);
    await withTransaction(async () => getDb().insert(rateLimitHits).values({ key, at: new Date() }));
    expect(await hits()).toBe(1);
  });

  it('rolls back a statement that fails inside SQLite, naming the real error', async () => {
    await expect(
      withTransaction(async () => {
        await getDb().insert(rateLimitHits).values({ key, at: new Date() });
        getDb().run(sql`insert into no_such_table values (1)`);
      }),
    ).rejects.toMatchObject({ cause: { message: 'no such table: no_such_table' } });
    expect(await hits()).toBe(0);
  });
});
