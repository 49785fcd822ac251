/**
 * Background jobs run by every instance's worker, at most one instance at a time per job. On PostgreSQL the
 * job holds an advisory lock while it runs; an instance that does not get it skips the job (it never waits:
 * the holder is doing the work). On SQLite the site runs on one machine, and each job runs as before.
 */
import 'server-only';
import { databaseEngine } from './database-file';
import { postgresDb } from './index';

export type JobOutcome<T> = { ran: true; result: T } | { ran: false };

/**
 * Runs `job` unless another process is running the job named `name`. A session-level lock on a connection of its
 * own, not a transaction-scoped one: a job commits in many short transactions (one per post, per digest), so
 * that a failure half-way keeps what was done and other writers are never held up behind one long transaction.
 * The lock must be released on the connection that took it, so that connection is kept until the job ends (one
 * of the pool's, besides those the job's queries take: a pool needs 2 connections at least), and closed rather
 * than returned to the pool if anything fails on it (closing it releases the lock).
 */
export async function runUnlessRunningElsewhere<T>(name: string, job: () => Promise<T>): Promise<JobOutcome<T>> {
  if (databaseEngine() !== 'postgres') return { ran: true, result: await job() };
  const key = `hearth job ${name}`;
  const client = await postgresDb().$client.connect();
  let locked: boolean;
  try {
    locked = (await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key])).rows[0].locked;
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  if (!locked) {
    client.release();
    return { ran: false };
  }
  let unreleased: Error | undefined;
  try {
    return { ran: true, result: await job() };
  } finally {
    // The job's own outcome stands: a lock that cannot be released goes with its closed connection.
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch((error: Error) => {
      unreleased = error;
      console.error(`[hearth] could not release the lock of job "${name}" (closing its connection instead): ${error.message}`);
    });
    client.release(unreleased);
  }
}
