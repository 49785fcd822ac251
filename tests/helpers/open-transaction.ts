/**
 * Runs `write` while another withTransaction(…) holds SQLite's write lock, suspended at an await, the way a
 * request's transaction is while another request arrives. A write that goes through withTransaction waits
 * its turn and succeeds; one that writes on the reading connection fails with SQLITE_BUSY.
 */
import { withTransaction } from '@/db/transaction';

export async function whileTransactionOpen<T>(write: () => Promise<T>): Promise<T> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const open = withTransaction(() => held);
  await new Promise((resolve) => setImmediate(resolve)); // the open transaction has begun
  let result: Promise<T>;
  try {
    result = write();
  } finally {
    release(); // also when `write` throws at once (as a write on the reading connection does)
  }
  await open;
  return result;
}
