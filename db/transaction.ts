/**
 * One way to write: withTransaction(async (tx) => …). The body may await; every query it makes, directly or
 * through query functions that call getDb(), runs inside the same transaction, so a check and the write it
 * decides commit together or not at all. A body that throws rolls everything back and the error goes on
 * unchanged. Called inside another withTransaction, it joins the outer one.
 *
 * On SQLite the transactions of this process take turns on the writing connection (BEGIN IMMEDIATE, so
 * other processes wait for SQLite's lock): keep bodies to database work, never mail or network.
 */
import 'server-only';
import { ambientTransaction } from './ambient-transaction';
import { writingDb, type Db } from './index';

let turn: Promise<unknown> = Promise.resolve();

export function withTransaction<T>(body: (tx: Db) => Promise<T>): Promise<T> {
  const outer = ambientTransaction.getStore() as Db | undefined;
  if (outer) return body(outer);
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
