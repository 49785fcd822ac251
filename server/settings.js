// @ts-check
/**
 * The production server's settings: process.env read once, through the app's own rules (env-schema.js,
 * which lib/env.ts uses too), before anything else loads. A setting that is invalid, or one that would
 * put members at risk on a production site (config-check.js), stops the server with one line each;
 * so does a PostgreSQL site without AUTH_SECRET (auth-secret.js). Every other server module is handed what it
 * needs from the validated result.
 */
const { readEnv } = require('./env-schema');
const { insecureSettings } = require('./config-check');
const { missingSharedSecret } = require('./auth-secret');

/** @param {string} problem */
const refusal = (problem) => `[hearth] refusing to start: ${problem}`;

/**
 * The validated settings of a production server (NODE_ENV is production whatever `source` says), or
 * the lines that refuse to start it.
 * @param {Record<string, string | undefined>} source process.env
 * @returns {{ ok: true; env: import('./env-schema').Env } | { ok: false; lines: string[] }}
 */
function serverSettings(source) {
  const read = readEnv({ ...source, NODE_ENV: 'production' });
  if (!read.ok) return { ok: false, lines: read.problems.map(refusal) };
  // Not a risk ALLOW_INSECURE may take: without it, sessions and links made by one instance fail on another.
  const missingSecret = missingSharedSecret(read.env);
  if (missingSecret) return { ok: false, lines: [refusal(missingSecret)] };
  const problems = insecureSettings(read.env);
  if (problems.length > 0) {
    return { ok: false, lines: [...problems.map(refusal), '[hearth] (ALLOW_INSECURE=true starts it anyway, for a deliberate test setup only.)'] };
  }
  return { ok: true, env: read.env };
}

module.exports = { serverSettings };
