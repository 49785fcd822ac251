/**
 * Waking the mail workers of every instance on one PostgreSQL database when mail is queued, so a sign-in email
 * leaves at once whichever instance queued it: a NOTIFY on one channel, which PostgreSQL hands to every
 * listening connection when the sending transaction commits. Each worker listens on a connection of its own
 * (outside the pool: it stays open for the process's life). On SQLite both do nothing: the site runs on one
 * machine, where the worker is woken inside its process.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { Client } from 'pg';
import { databaseEngine } from './database-file';
import { getDb } from './index';
import type { PostgresDb } from './postgres';

const CHANNEL = 'hearth_outbox';
const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;

/** Tells every listening worker that mail was queued. Inside a transaction it joins it: heard once the mail is committed. */
export async function notifyMailQueued(): Promise<void> {
  if (databaseEngine() !== 'postgres') return;
  await (getDb() as unknown as PostgresDb).execute(sql`SELECT pg_notify(${CHANNEL}, '')`);
}

export type MailQueuedListener = { stop(): Promise<void> };

/**
 * Calls `onQueued` for every notification (the caller coalesces them). A connection that fails or closes is
 * logged and opened again, 1 s later then up to every 30 s; once back, `onQueued` is called once for whatever
 * was queued while nobody listened. Never throws: without it, the worker still finds mail on its next poll.
 */
export function listenForQueuedMail(onQueued: () => void): MailQueuedListener {
  if (databaseEngine() !== 'postgres') return { stop: async () => {} };
  let stopped = false;
  let current: Client | undefined;
  let retryMs = FIRST_RETRY_MS;
  let retry: NodeJS.Timeout | undefined;
  let failedBefore = false;

  const connect = () => {
    const connection = new Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 10_000, keepAlive: true });
    current = connection;
    let lost = false;
    const onLost = (error: Error) => {
      if (lost || stopped) return;
      lost = true;
      failedBefore = true;
      console.error(`[hearth] the mail worker's wake-up connection to PostgreSQL failed (${error.message}); connecting again in ${retryMs / 1000} s, polling meanwhile.`);
      connection.end().catch((endError: Error) => console.error(`[hearth] closing the failed wake-up connection: ${endError.message}`));
      retry = setTimeout(connect, retryMs);
      retry.unref();
      retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
    };
    connection.on('notification', () => onQueued());
    connection.on('error', onLost);
    connection.on('end', () => onLost(new Error('the connection was closed')));
    connection
      .connect()
      .then(() => connection.query(`LISTEN ${CHANNEL}`))
      .then(() => {
        if (stopped || lost) return;
        retryMs = FIRST_RETRY_MS;
        if (!failedBefore) return;
        console.log('[hearth] the mail worker is listening for queued mail again.');
        onQueued();
      }, onLost);
  };
  connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await current?.end();
    },
  };
}
