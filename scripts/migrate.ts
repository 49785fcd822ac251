// `npm run db:migrate`: applies committed migrations (the server also does this at start).
import { closeDatabase, prepareDatabase } from '@/db/index';
import { env } from '@/lib/env';

prepareDatabase()
  .then(() => console.log(`Migrations applied to ${env.databaseName}`))
  .then(closeDatabase)
  .catch((error: unknown) => {
    console.error(`Migrating failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
