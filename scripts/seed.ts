// `npm run db:seed`: seeds an empty database with demo content; never overwrites existing data.
import { seedIfEmpty } from '@/db/seed';
import { env } from '@/lib/env';

seedIfEmpty().then(
  (seeded) => console.log(seeded ? `Seeded demo content into ${env.databasePath}` : `${env.databasePath} already holds data; nothing was changed.`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
