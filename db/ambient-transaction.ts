/**
 * The transaction the current async call chain runs inside, if any. getDb() hands it out, so a query
 * function called from inside withTransaction(…) joins that transaction without being passed a handle.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export const ambientTransaction = new AsyncLocalStorage<object>();
