/**
 * runUnlessRunningElsewhere: on PostgreSQL a job named the same as one running in another session is skipped at once
 * (never waited for), and the lock goes when the job ends, however it ends, without keeping a pooled connection.
 * On SQLite (one machine) every call runs its job, as before.
 */
import { Client } from 'pg';
import { databaseEngine } from '@/db/database-file';
import { postgresDb } from '@/db/index';
import { runUnlessRunningElsewhere } from '@/db/job-lock';

const onPostgres = databaseEngine() === 'postgres';

/** A job that runs until released, and says when it started. */
function heldJob<T>(result: T) {
  let release!: () => void;
  let started!: () => void;
  const hasStarted = new Promise<void>((resolve) => (started = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const job = async () => {
    started();
    await released;
    return result;
  };
  return { job, hasStarted, release };
}

if (onPostgres) {
  describe('runUnlessRunningElsewhere on PostgreSQL', () => {
    it('skips a job running in another session at once, runs other jobs meanwhile, and runs it again once the first ends', async () => {
      const first = heldJob('digests queued');
      const running = runUnlessRunningElsewhere('weekly digest', first.job);
      await first.hasStarted;
      const startedAt = Date.now();
      await expect(runUnlessRunningElsewhere('weekly digest', async () => 'twice')).resolves.toEqual({ ran: false });
      expect(Date.now() - startedAt).toBeLessThan(1000);
      await expect(runUnlessRunningElsewhere('scheduled posts', async () => ['a-post'])).resolves.toEqual({ ran: true, result: ['a-post'] });
      first.release();
      await expect(running).resolves.toEqual({ ran: true, result: 'digests queued' });
      await expect(runUnlessRunningElsewhere('weekly digest', async () => 'next tick')).resolves.toEqual({ ran: true, result: 'next tick' });
    });

    it('is skipped while another process (its own connection) holds the job, and runs when it lets go', async () => {
      const other = new Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      try {
        await other.query("SELECT pg_advisory_lock(hashtext('hearth job reply notices'))");
        await expect(runUnlessRunningElsewhere('reply notices', async () => 'sent')).resolves.toEqual({ ran: false });
        await other.query("SELECT pg_advisory_unlock(hashtext('hearth job reply notices'))");
        await expect(runUnlessRunningElsewhere('reply notices', async () => 'sent')).resolves.toEqual({ ran: true, result: 'sent' });
      } finally {
        await other.end();
      }
    });

    it('lets go of the lock when the job fails, passing the error on, and returns its connection to the pool', async () => {
      await expect(
        runUnlessRunningElsewhere('expired sign-ups', async () => {
          throw new Error('disk full');
        }),
      ).rejects.toThrow('disk full');
      await expect(runUnlessRunningElsewhere('expired sign-ups', async () => 0)).resolves.toEqual({ ran: true, result: 0 });
      const pool = postgresDb().$client;
      expect(pool.totalCount - pool.idleCount).toBe(0);
      const held = await postgresDb().$client.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'");
      expect(held.rows[0].n).toBe(0);
    });
  });
} else {
  describe('runUnlessRunningElsewhere on SQLite', () => {
    it('runs every job it is given, even one of the same name at the same time (one machine)', async () => {
      const first = heldJob(1);
      const running = runUnlessRunningElsewhere('weekly digest', first.job);
      await first.hasStarted;
      await expect(runUnlessRunningElsewhere('weekly digest', async () => 2)).resolves.toEqual({ ran: true, result: 2 });
      first.release();
      await expect(running).resolves.toEqual({ ran: true, result: 1 });
    });
  });
}
