/**
 * Server start-up: open and migrate the database, seed demo content into an empty one.
 * A database that cannot be opened stops the server with one clear message.
 */
import { DatabaseOpenError, getDb } from '@/db/index';
import { seedIfEmpty } from '@/db/seed';
import { env } from './env';

export function prepareServer(): void {
  try {
    const seeded = seedIfEmpty(getDb());
    console.log(`[hearth] database ready at ${env.databasePath}${seeded ? ' (seeded with demo content)' : ''}`);
  } catch (error) {
    if (error instanceof DatabaseOpenError) {
      console.error(`[hearth] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
