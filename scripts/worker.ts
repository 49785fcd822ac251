// `npm run worker`: runs the jobs and sends queued email from its own process (set MAIL_WORKER=off on the web server).
import { prepareDatabase } from '@/db/index';
import { env } from '@/lib/env';
import { startWorker } from '@/lib/jobs/worker';
import { missingSharedSecret } from '@/server/auth-secret';

// The emails it sends carry signed links: on PostgreSQL they must be signed with the servers' one shared secret.
const missingSecret = missingSharedSecret(env);
if (missingSecret) {
  console.error(`[hearth] refusing to start: ${missingSecret}`);
  process.exit(1);
}

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
