// `npm run db:migrate`: applies committed migrations (the server also does this at start).
import { getDb } from '@/db/index';
import { env } from '@/lib/env';

getDb();
console.log(`Migrations applied to ${env.databasePath}`);
