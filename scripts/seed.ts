// `npm run db:seed`: seeds an empty database with demo content; never overwrites existing data.
import { closeDatabase, prepareDatabase } from '@/db/index';
import { seedIfEmpty } from '@/db/seed';
import { env } from '@/lib/env';

prepareDatabase()
  .then(seedIfEmpty)
  .then((seeded) => console.log(seeded ? `Seeded demo content into ${env.databaseName}` : `${env.databaseName} already holds data; nothing was changed.`))
  .then(closeDatabase)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
