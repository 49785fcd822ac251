// @ts-check
/**
 * The secret that signs sessions and links and hashes sign-in codes, resolved one way for the production
 * server (which derives its nonce placeholder from it before Next loads) and the app (lib/auth-secret.ts):
 * AUTH_SECRET wins; otherwise one is generated on first start and kept in the data folder, owner-only.
 * A generated file belongs to one machine, so a site on PostgreSQL (where several instances may run) must set AUTH_SECRET.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { isPostgresUrl } = require('./env-schema');
const { OWNER_DIR_MODE, OWNER_FILE_MODE } = require('./owner-modes');

/** Where the generated secret is kept. @param {string} dataDir the absolute data folder */
function authSecretFile(dataDir) {
  return path.join(dataDir, 'auth-secret');
}

/**
 * Why a server cannot start on these settings, or null: every instance on one PostgreSQL database must share one AUTH_SECRET.
 * @param {{ DATABASE_URL: string, AUTH_SECRET?: string }} env validated settings
 */
function missingSharedSecret(env) {
  if (env.AUTH_SECRET || !isPostgresUrl(env.DATABASE_URL)) return null;
  return "AUTH_SECRET is not set and DATABASE_URL is PostgreSQL, where every server must share one secret (a generated file stays on one machine): set AUTH_SECRET to a long random value (`openssl rand -base64 33`; for a site moved from SQLite, the contents of its data folder's auth-secret file).";
}

/**
 * AUTH_SECRET, or the generated one in `dataDir` (created on first use).
 * @param {string | undefined} authSecret the AUTH_SECRET setting @param {string} dataDir the absolute data folder
 */
function resolveAuthSecret(authSecret, dataDir) {
  if (authSecret) return authSecret;
  const file = authSecretFile(dataDir);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true, mode: OWNER_DIR_MODE });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: OWNER_FILE_MODE, flag: 'wx' });
    console.log(`[hearth] AUTH_SECRET is not set: generated one and stored it in ${file} (owner-only).`);
  } catch (error) {
    // Another process wrote it first: use theirs.
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
  }
  return fs.readFileSync(file, 'utf8').trim();
}

module.exports = { authSecretFile, missingSharedSecret, resolveAuthSecret };
