/**
 * The validated environment: the only module of the app that reads process.env (the production
 * server wrapper in server/ reads its own PORT, HOST, SITE_URL and LOG_LEVEL).
 * Every variable has a default so that a fresh clone starts with no configuration.
 */
import path from 'node:path';
import { z } from 'zod';

const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

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
  /** SMTP URL such as smtp://user:pass@host:587; unset = messages are written to the server log. */
  EMAIL_SERVER: optional,
  EMAIL_FROM: z.string().default('Hearth <no-reply@localhost>'),
  /** Messages per second the mail worker sends at most (pacing for large lists). */
  MAIL_PER_SECOND: z.coerce.number().positive().max(1000).default(10),
  /** "inline": the server process sends queued mail; "off": a separate `npm run worker` does. */
  MAIL_WORKER: z.enum(['inline', 'off']).default('inline'),
  /** "off" lifts the per-member comment pace limits: for load benchmarks only, never on a live site. */
  COMMENT_FLOOD_LIMITS: z.enum(['on', 'off']).default('on'),
  /** Comma-separated addresses that become admins when they sign in. */
  ADMIN_EMAILS: z.string().default(''),
  /** Where the mail worker reaches this server to refresh cached pages after publishing (default: loopback on PORT). */
  INTERNAL_URL: optional,
  /** Set by server/index.js (random per process, never sent): rendered where a script needs the CSP nonce. */
  HEARTH_NONCE_PLACEHOLDER: optional,
  /** Unset = generated once and kept in the data folder. */
  AUTH_SECRET: optional,
  AUTH_GITHUB_ID: optional,
  AUTH_GITHUB_SECRET: optional,
  AUTH_GOOGLE_ID: optional,
  AUTH_GOOGLE_SECRET: optional,
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
}

const data = parsed.data;
const databasePath = path.resolve(data.DATABASE_URL.slice('file:'.length));

export const env = {
  ...data,
  /** Absolute path of the SQLite file named by DATABASE_URL. */
  databasePath,
  /** Folder for the database and other files the server keeps (the generated auth secret). */
  dataDir: path.dirname(databasePath),
  /** Public origin used in links and metadata, without a trailing slash. */
  siteUrl: (data.SITE_URL ?? `http://localhost:${data.PORT}`).replace(/\/+$/, ''),
  internalUrl: (data.INTERNAL_URL ?? `http://127.0.0.1:${data.PORT}`).replace(/\/+$/, ''),
  adminEmails: new Set(
    data.ADMIN_EMAILS.split(',')
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  ),
  github: data.AUTH_GITHUB_ID && data.AUTH_GITHUB_SECRET ? { clientId: data.AUTH_GITHUB_ID, clientSecret: data.AUTH_GITHUB_SECRET } : null,
  google: data.AUTH_GOOGLE_ID && data.AUTH_GOOGLE_SECRET ? { clientId: data.AUTH_GOOGLE_ID, clientSecret: data.AUTH_GOOGLE_SECRET } : null,
};
