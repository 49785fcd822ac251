// `npm run worker`: sends queued email from its own process (set MAIL_WORKER=off on the web server).
import { prepareDatabase } from '@/db/index';
import { env } from '@/lib/env';
import { startWorker } from '@/lib/jobs/worker';

prepareDatabase().then(
  () => {
    console.log(`[hearth] mail worker started for ${env.databaseName} (${env.MAIL_PER_SECOND} messages/s at most)`);
    startWorker({ keepProcessAlive: true });
  },
  (error: unknown) => {
    console.error(`[hearth] the mail worker cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
