// @ts-check
/**
 * The rules for every setting, in one plain module: lib/env.ts (the app) and server/index.js (which
 * checks them before it listens, so a bad setting stops the server with one line instead of a 500 on
 * every request) both read process.env through it. Every variable has a default, so a fresh clone
 * starts with no configuration. Problems never repeat a value: some carry passwords.
 */
const path = require('node:path');
const { z } = require('zod');
const { parseTrustedProxies } = require('./trusted-proxies');

/**
 * postgres:// or postgresql:// with a host and a database name.
 * @param {string} value
 */
function isPostgresUrl(value) {
  if (!/^postgres(ql)?:\/\//.test(value)) return false;
  try {
    const url = new URL(value);
    return url.hostname !== '' && url.pathname.length > 1;
  } catch {
    return false;
  }
}

const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where server/index.js listens: 127.0.0.1 (behind a proxy on this machine) or 0.0.0.0 (every interface). */
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .default('file:data/hearth.db')
    .refine((v) => (v.startsWith('file:') && v.length > 'file:'.length) || isPostgresUrl(v), {
      message: 'DATABASE_URL must look like file:path/to/hearth.db (a SQLite file) or postgres://user:password@host:5432/database (PostgreSQL).',
    }),
  /** Folder for uploads (unless UPLOADS_DIR names another), the generated auth secret and backups; by default the SQLite file's folder, or ./data on PostgreSQL. */
  DATA_DIR: optional,
  /** Folder of the uploaded images, shared by every server of one site (NFS, a shared volume); by default <data folder>/uploads. */
  UPLOADS_DIR: optional.refine((v) => v === undefined || path.isAbsolute(v), {
    message: 'UPLOADS_DIR must be an absolute path to the folder every server of the site shares for uploaded images, for example /var/lib/hearth/shared/uploads.',
  }),
  SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long anonymous readers share a finished page in server/index.js (ms); 0 turns it off. */
  PAGE_CACHE_MS: z.coerce.number().int().min(0).default(1000),
  /** Proxies whose X-Forwarded-For is believed (IPs and CIDRs, comma-separated); empty = nobody. */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((text, ctx) => {
      const { entries, invalid } = parseTrustedProxies(text);
      if (invalid.length > 0) {
        ctx.addIssue({ code: 'custom', message: `TRUSTED_PROXIES must list IP addresses or CIDR ranges, comma-separated (for example 127.0.0.1,10.0.0.0/8); not understood: ${invalid.join(', ')}.` });
      }
      return entries;
    }),
  /** "off": server/index.js counts no views at all, not even in memory (benchmarks; the admin's switch only stops storing them). */
  VIEW_COUNTING: z.enum(['on', 'off']).default('on'),
  /** The file nginx writes the views its micro-cache answered into (deploy/nginx/hearth.conf); unset = not read. */
  NGINX_VIEWS_LOG: optional,
  /** "true" lets server/index.js start on an insecure production configuration (config-check.js): deliberate test setups only. */
  ALLOW_INSECURE: z.enum(['true', 'false']).default('false'),
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
  /** Set by server/index.js (derived from the auth secret, never sent): rendered where a script needs the CSP nonce. */
  HEARTH_NONCE_PLACEHOLDER: optional,
  /** Set by server/index.js (random per process, never sent): the key its counters hand their counts to the app with. */
  HEARTH_COUNTS_KEY: optional,
  /** PostgreSQL connections each process keeps at most (db/postgres.ts); a job's advisory lock holds one while the job queries on another. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(1000).default(10),
  /** Unset = generated once and kept in the data folder. */
  AUTH_SECRET: optional,
  /** The cache several instances of one site share (server/shared-cache.js); unset = each keeps its own in memory. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/[^/\s]+/)
    .optional(),
  AUTH_GITHUB_ID: optional,
  AUTH_GITHUB_SECRET: optional,
  AUTH_GOOGLE_ID: optional,
  AUTH_GOOGLE_SECRET: optional,
});

/** @typedef {import('zod').infer<typeof envSchema>} Env the validated settings */

/**
 * What each setting should look like, for the line that stops the server.
 * @type {Partial<Record<string, string>>}
 */
const HINTS = {
  NODE_ENV: 'NODE_ENV must be development, production or test.',
  PORT: 'PORT must be a whole number from 1 to 65535, for example 3000.',
  SITE_URL: 'SITE_URL must be the full public address with http:// or https://, for example https://blog.example.org.',
  LOG_LEVEL: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent.',
  PAGE_CACHE_MS: 'PAGE_CACHE_MS must be a whole number of milliseconds, 0 or more (0 turns the page cache off).',
  MAIL_PER_SECOND: 'MAIL_PER_SECOND must be a number above 0 and at most 1000, for example 10.',
  MAIL_WORKER: 'MAIL_WORKER must be inline or off.',
  COMMENT_FLOOD_LIMITS: 'COMMENT_FLOOD_LIMITS must be on or off.',
  ALLOW_INSECURE: 'ALLOW_INSECURE must be true or false.',
  VIEW_COUNTING: 'VIEW_COUNTING must be on or off.',
  DATABASE_POOL_SIZE: 'DATABASE_POOL_SIZE must be a whole number from 2 to 1000 (a scheduled job holds one connection for its lock while it queries on another).',
  REDIS_URL: 'REDIS_URL must look like redis://host:6379 (or rediss:// for TLS), with a password or database number if it needs them.',
};

/**
 * Validates `source` (process.env). An empty value counts as unset. Returns the settings, or one
 * line per problem naming the variable and what it should look like.
 * @param {Record<string, string | undefined>} source
 * @returns {{ ok: true, env: Env } | { ok: false, problems: string[] }}
 */
function readEnv(source) {
  const set = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = envSchema.safeParse(set);
  if (parsed.success) return { ok: true, env: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '');
    return issue.code === 'custom' ? issue.message : (HINTS[name] ?? `${name}: ${issue.message}`);
  });
  return { ok: false, problems: [...new Set(problems)] };
}

/**
 * The data folder of validated settings, absolute: DATA_DIR, else the SQLite file's folder, else ./data.
 * @param {{ DATA_DIR?: string, DATABASE_URL: string }} env
 */
function dataDirOf(env) {
  if (env.DATA_DIR) return path.resolve(env.DATA_DIR);
  return env.DATABASE_URL.startsWith('file:') ? path.dirname(path.resolve(env.DATABASE_URL.slice('file:'.length))) : path.resolve('data');
}

/**
 * The folder of uploaded images, absolute: UPLOADS_DIR, else `uploads` in the data folder.
 * @param {{ UPLOADS_DIR?: string, DATA_DIR?: string, DATABASE_URL: string }} env
 */
function uploadsDirOf(env) {
  return env.UPLOADS_DIR ? path.resolve(env.UPLOADS_DIR) : path.join(dataDirOf(env), 'uploads');
}

module.exports = { envSchema, readEnv, isPostgresUrl, dataDirOf, uploadsDirOf };
