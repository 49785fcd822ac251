// `npm run db:seed`: seeds an empty database with demo content; never overwrites existing data.
import { getDb } from '@/db/index';
import { seedIfEmpty } from '@/db/seed';
import { env } from '@/lib/env';

if (seedIfEmpty(getDb())) console.log(`Seeded demo content into ${env.databasePath}`);
else console.log(`${env.databasePath} already holds data; nothing was changed.`);
