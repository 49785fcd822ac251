// @ts-check
/**
 * Headers every response carries. Scripts run only with this response's nonce (and what those
 * scripts load: 'strict-dynamic'); nothing is fetched from other hosts, nothing may frame the site.
 */

/**
 * What the headers depend on besides the nonce: whether the site is served over https, and which
 * sign-in providers are configured (the validated settings).
 * @typedef {{ https: boolean; env: Pick<import('./env-schema').Env, 'AUTH_GITHUB_ID' | 'AUTH_GOOGLE_ID'> }} HeaderOptions
 */

/**
 * Where the sign-in buttons send people when GitHub or Google sign-in is configured.
 * @type {Array<[keyof HeaderOptions['env'], string]>}
 */
const OAUTH_FORM_TARGETS = [
  ['AUTH_GITHUB_ID', 'https://github.com'],
  ['AUTH_GOOGLE_ID', 'https://accounts.google.com'],
];

/** @param {string} nonce @param {HeaderOptions} options */
function contentSecurityPolicy(nonce, { https, env }) {
  const formTargets = OAUTH_FORM_TARGETS.filter(([variable]) => env[variable]).map(([, origin]) => origin);
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // Inline style attributes (React's style props) are not a script vector.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${["'self'", ...formTargets].join(' ')}`,
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** @param {string} nonce @param {HeaderOptions} options @returns {Record<string, string>} */
function securityHeaders(nonce, { https, env }) {
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce, { https, env }),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // A reader's health topics stay private: other sites are not told which page sent them.
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

module.exports = { securityHeaders };
