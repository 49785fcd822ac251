// `npm run worker`: sends queued email from its own process (set MAIL_WORKER=off on the web server).
import { getDb } from '@/db/index';
import { env } from '@/lib/env';
import { startMailWorker } from '@/lib/mail/worker';

getDb();
console.log(`[hearth] mail worker started for ${env.databasePath} (${env.MAIL_PER_SECOND} messages/s at most)`);
startMailWorker({ keepProcessAlive: true });
