import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL from db/schema-sqlite.ts; the app applies it at start.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema-sqlite.ts',
  out: './db/migrations',
});
