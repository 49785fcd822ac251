/**
 * Queued-mail wake-ups across instances (db/mail-wake.ts): on PostgreSQL a listener hears a notification sent from
 * another connection, only once the transaction that sent it commits, and, when its connection is cut, says so in
 * the log, connects again and calls once for what it may have missed. On SQLite both sides do nothing.
 */
import { sql } from 'drizzle-orm';
import { databaseEngine } from '@/db/database-file';
import { getDb } from '@/db/index';
import { listenForQueuedMail, notifyMailQueued, type MailQueuedListener } from '@/db/mail-wake';
import type { PostgresDb } from '@/db/postgres';
import { withTransaction } from '@/db/transaction';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await pause(20);
  if (!condition()) throw new Error(`not within ${ms} ms`);
}

if (databaseEngine() === 'postgres') {
  describe('waking the workers through PostgreSQL', () => {
    let heard = 0;
    let listener: MailQueuedListener;
    const listenerBackends = () =>
      (getDb() as unknown as PostgresDb).execute<{ pid: number }>(sql`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN hearth_outbox'`);

    beforeAll(async () => {
      listener = listenForQueuedMail(() => heard++);
      const deadline = Date.now() + 5000;
      while ((await listenerBackends()).rows.length === 0 && Date.now() < deadline) await pause(20);
    });
    afterAll(() => listener.stop());

    it('hears a notification sent from another connection', async () => {
      const before = heard;
      await notifyMailQueued();
      await waitUntil(() => heard > before, 2000);
    });

    it('hears it only once the transaction that queued the mail commits', async () => {
      const before = heard;
      await withTransaction(async () => {
        await notifyMailQueued();
        await pause(300);
        expect(heard).toBe(before);
      });
      await waitUntil(() => heard > before, 2000);
    });

    it('logs a lost connection, connects again, catches up once and hears later notifications', async () => {
      const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      const said = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        const [backend] = (await listenerBackends()).rows;
        await (getDb() as unknown as PostgresDb).execute(sql`SELECT pg_terminate_backend(${backend.pid})`);
        await waitUntil(() => logged.mock.calls.length > 0, 2000);
        expect(String(logged.mock.calls[0][0])).toMatch(/wake-up connection to PostgreSQL failed .*connecting again in 1 s/);
        const before = heard;
        await waitUntil(() => said.mock.calls.some(([line]) => /listening for queued mail again/.test(String(line))), 5000);
        expect(heard).toBe(before + 1); // whatever was queued while it was away
        await notifyMailQueued();
        await waitUntil(() => heard > before + 1, 2000);
      } finally {
        logged.mockRestore();
        said.mockRestore();
      }
    });
  });
} else {
  it('does nothing on SQLite, where the worker is woken inside its process', async () => {
    let heard = 0;
    const listener = listenForQueuedMail(() => heard++);
    await notifyMailQueued();
    await pause(100);
    expect(heard).toBe(0);
    await listener.stop();
  });
}
