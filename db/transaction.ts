/**
 * One way to write: withTransaction(async (tx) => …). The body may await; every query it makes, directly or
 * through query functions that call getDb(), runs inside the same transaction, so a check and the write it
 * decides commit together or not at all. A body that throws rolls everything back and the error goes on
 * unchanged. Called inside another withTransaction, it joins the outer one. Keep bodies to database work,
 * never mail or network: on SQLite a body holds up every other write.
 *
 * SQLite: the transactions of this process take turns on the writing connection (BEGIN IMMEDIATE, so other
 * processes wait for SQLite's lock). PostgreSQL: each is a transaction of its own on a pooled connection, and
 * a rule that must see no concurrent change takes a lock in it (lockFor, or FOR UPDATE on the rows it reads).
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { ambientTransaction } from './ambient-transaction';
import { databaseEngine } from './database-file';
import { postgresDb, writingDb, type Db } from './index';
import type { PostgresDb } from './postgres';

let turn: Promise<unknown> = Promise.resolve();

export function withTransaction<T>(body: (tx: Db) => Promise<T>): Promise<T> {
  const outer = ambientTransaction.getStore() as Db | undefined;
  if (outer) return body(outer);
  if (databaseEngine() === 'postgres') return postgresDb().transaction((tx) => ambientTransaction.run(tx, () => body(tx as unknown as Db)));
  const run = () => runImmediate(writingDb(), body);
  const result = turn.then(run, run);
  turn = result.catch(() => undefined);
  return result;
}

async function runImmediate<T>(tx: Db, body: (tx: Db) => Promise<T>): Promise<T> {
  tx.$client.exec('BEGIN IMMEDIATE');
  try {
    const result = await ambientTransaction.run(tx, () => body(tx));
    tx.$client.exec('COMMIT');
    return result;
  } catch (error) {
    if (tx.$client.inTransaction) tx.$client.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Inside withTransaction: makes every other transaction that asks for the same key wait until this one ends.
 * For a rule that reads rows which may not exist yet (a count against a limit), where no row lock can help.
 * SQLite's transactions already take turns, so there it does nothing.
 */
export async function lockFor(key: string): Promise<void> {
  const tx = ambientTransaction.getStore();
  if (!tx) throw new Error('lockFor() needs an open withTransaction().');
  if (databaseEngine() === 'postgres') await (tx as unknown as PostgresDb).execute(sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`);
}
