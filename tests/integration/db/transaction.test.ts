import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { rateLimitHits, sessions } from '@/db/schema';
import { lockFor, withTransaction } from '@/db/transaction';
import { driverError, foreignKeyViolation } from '../../helpers/database-errors';

const key = 'transaction-test';
const hits = async () => (await getDb().select({ n: count() }).from(rateLimitHits).where(eq(rateLimitHits.key, key)))[0].n;
const nextTick = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => withTransaction((tx) => tx.delete(rateLimitHits)));

describe('withTransaction', () => {
  it('lets a check and the write it decides run as one under lockFor: 20 at once against a limit of 5 store exactly 5', async () => {
    const attempt = () =>
      withTransaction(async () => {
        await lockFor(key); // PostgreSQL runs transactions side by side; SQLite's already take turns
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

  it('rolls back a statement the database refuses, naming the real error', async () => {
    await expect(
      withTransaction(async () => {
        await getDb().insert(rateLimitHits).values({ key, at: new Date() });
        await getDb().insert(sessions).values({ sessionToken: 'orphan', userId: 'no-such-user', expires: new Date() });
      }),
    ).rejects.toMatchObject(driverError({ code: foreignKeyViolation() }));
    expect(await hits()).toBe(0);
  });
});
