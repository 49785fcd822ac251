/**
 * The reading connection refuses writes: a write that skipped withTransaction(…) fails at once instead of
 * waiting on the writing connection's lock. Under jest the guard is off (fixtures still write through getDb()),
 * so this test opens the connection as the server does, without jest's marker. SQLite only: PostgreSQL has no
 * separate reading connection.
 */
import { eq } from 'drizzle-orm';
import { closeDatabase, getDb } from '@/db/index';
import { databaseEngine } from '@/db/database-file';
import { rateLimitHits } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

const key = 'sign-in:zoë.o’brien-ñúñez@example.org';
const hitsFor = async (k: string) => (await getDb().select({ key: rateLimitHits.key }).from(rateLimitHits).where(eq(rateLimitHits.key, k))).length;

/** Runs `body` with the database opened as the server and scripts open it, then reopens it as tests do. */
async function asTheServer(body: () => Promise<void>): Promise<void> {
  const worker = process.env.JEST_WORKER_ID;
  await closeDatabase();
  delete process.env.JEST_WORKER_ID;
  try {
    await body();
  } finally {
    process.env.JEST_WORKER_ID = worker;
    await closeDatabase();
  }
}

const sqliteOnly = databaseEngine() === 'sqlite' ? it : it.skip;

describe('the reading connection', () => {
  sqliteOnly('refuses a write outside withTransaction with SQLite’s own error, while reads and withTransaction work', async () => {
    await asTheServer(async () => {
      const strayInsert = async () => getDb().insert(rateLimitHits).values({ key, at: new Date() });
      await expect(strayInsert()).rejects.toThrow('attempt to write a readonly database');
      const strayDelete = async () => getDb().delete(rateLimitHits);
      await expect(strayDelete()).rejects.toThrow('attempt to write a readonly database');
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
});
