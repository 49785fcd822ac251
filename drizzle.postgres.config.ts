import { defineConfig } from 'drizzle-kit';

// The PostgreSQL twin of drizzle.config.ts (SQLite): SQL generated from db/schema-postgres.ts, applied by the app.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema-postgres.ts',
  out: './db/migrations-postgres',
});
