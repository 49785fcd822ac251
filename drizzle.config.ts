import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL from db/schema.ts; the app applies it at start.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
});
