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
 * The lock must be released on the connection that took it, so that connection is kept until the job ends,
 * and destroyed rather than returned to the pool if releasing fails (closing it releases the lock).
 */
export async function runUnlessRunningElsewhere<T>(name: string, job: () => Promise<T>): Promise<JobOutcome<T>> {
  if (databaseEngine() !== 'postgres') return { ran: true, result: await job() };
  const key = `hearth job ${name}`;
  const client = await postgresDb().$client.connect();
  let unusable: Error | undefined; // a failed query on the lock's connection: it is closed, not pooled
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key]).catch((error: Error) => {
      throw (unusable = error);
    });
    if (!rows[0].locked) return { ran: false };
    try {
      return { ran: true, result: await job() };
    } finally {
      // The job's own outcome stands: a lock that cannot be released is released by closing its connection.
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch((error: Error) => {
        unusable = error;
        console.error(`[hearth] could not release the lock of job "${name}" (closing its connection instead): ${error.message}`);
      });
    }
  } finally {
    client.release(unusable);
  }
}
