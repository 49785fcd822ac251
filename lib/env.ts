/**
 * The validated environment: the only module that reads process.env.
 * Every variable has a default so that a fresh clone starts with no configuration.
 */
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .default('file:data/hearth.db')
    .refine((v) => v.startsWith('file:') && v.length > 'file:'.length, {
      message: 'DATABASE_URL must look like file:path/to/hearth.db',
    }),
  SITE_URL: z.url().optional(),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
}

export const env = {
  ...parsed.data,
  /** Absolute path of the SQLite file named by DATABASE_URL. */
  databasePath: path.resolve(parsed.data.DATABASE_URL.slice('file:'.length)),
  /** Public origin used in links and metadata, without a trailing slash. */
  siteUrl: (parsed.data.SITE_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/+$/, ''),
};
