/**
 * Server start-up: open and migrate the database, seed demo content into an empty one,
 * make sure there is an auth secret and a shared uploads folder (UPLOADS_DIR) is there, make the data folder owner-only, and say how email is delivered.
 * A database that cannot be opened stops the server with one clear message.
 */
import { DatabaseOpenError, prepareDatabase } from '@/db/index';
import { PostgresStartError } from '@/db/postgres';
import { seedIfEmpty } from '@/db/seed';
import { getAuthSecret } from './auth-secret';
import { sharedUploadsProblem, tightenDataFolder } from './data-folder';
import { env } from './env';
import { emailDeliveryConfigured } from './mail/transport';
import { startWorker } from './jobs/worker';

export async function prepareServer(): Promise<void> {
  try {
    await prepareDatabase(); // opens and migrates the database before anything is written
    const seeded = await seedIfEmpty();
    console.log(`[hearth] database ready at ${env.databaseName}${seeded ? ' (seeded with demo content)' : ''}`);
    getAuthSecret();
    const uploadsProblem = sharedUploadsProblem();
    if (uploadsProblem) {
      console.error(`[hearth] ${uploadsProblem}`);
      process.exit(1);
    }
    const tightened = tightenDataFolder();
    if (tightened) console.log(tightened);
    if (!emailDeliveryConfigured()) {
      console.log('[hearth] email delivery is not configured (EMAIL_SERVER is unset): emails, sign-in links included, are written to this log.');
    }
    if (env.MAIL_WORKER === 'inline') startWorker();
    else console.log('[hearth] MAIL_WORKER=off: run `npm run worker` to send queued email.');
  } catch (error) {
    if (error instanceof DatabaseOpenError || error instanceof PostgresStartError) {
      console.error(`[hearth] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
