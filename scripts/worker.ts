// `npm run worker`: sends queued email from its own process (set MAIL_WORKER=off on the web server).
import { getDb } from '@/db/index';
import { env } from '@/lib/env';
import { startWorker } from '@/lib/jobs/worker';

getDb();
console.log(`[hearth] mail worker started for ${env.databasePath} (${env.MAIL_PER_SECOND} messages/s at most)`);
startWorker({ keepProcessAlive: true });
