// @ts-check
/**
 * Production settings that would put members at risk. The server refuses to start on them, with
 * one line each saying what to change; ALLOW_INSECURE=true overrides for a deliberate test setup.
 */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** @param {string} hostname */
function isLoopback(hostname) {
  return LOOPBACK.has(hostname) || hostname.endsWith('.localhost');
}

/**
 * The problems with `env` (already valid by env-schema.js) for a production server; empty when it is safe to start.
 * @param {Partial<Record<'ALLOW_INSECURE' | 'SITE_URL' | 'HOST' | 'AUTH_SECRET' | 'EMAIL_SERVER' | 'COMMENT_FLOOD_LIMITS', string>>} env
 */
function insecureSettings(env) {
  if (env.ALLOW_INSECURE === 'true') return [];
  const problems = [];
  const site = env.SITE_URL ? new URL(env.SITE_URL) : null;
  const publicHost = (site && !isLoopback(site.hostname)) || (env.HOST && !isLoopback(env.HOST));
  if (publicHost && site && site.protocol !== 'https:') {
    problems.push(
      `SITE_URL is ${site.origin}: a public site must be served over https, or sign-in links and session cookies travel in clear text. Put a TLS proxy in front and set SITE_URL=https://…`,
    );
  }
  if (!site && env.HOST && !isLoopback(env.HOST)) {
    problems.push(`HOST is ${env.HOST} (reachable from other machines) but SITE_URL is not set: set SITE_URL to the public https address.`);
  }
  if (env.AUTH_SECRET && env.AUTH_SECRET.trim().length < 32) {
    problems.push('AUTH_SECRET is shorter than 32 characters: use a long random value (`openssl rand -base64 33`), or leave it unset to have one generated.');
  }
  if (publicHost && !env.EMAIL_SERVER) {
    problems.push('EMAIL_SERVER is not set on a public site: sign-in links would be written to the server log instead of being emailed.');
  }
  if (publicHost && env.COMMENT_FLOOD_LIMITS === 'off') {
    problems.push('COMMENT_FLOOD_LIMITS=off is for load benchmarks only: remove it on a public site.');
  }
  return problems;
}

module.exports = { insecureSettings };
