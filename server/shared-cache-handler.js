// @ts-check
/**
 * Next's cache handler (next.config.js `cacheHandler`, set when REDIS_URL is) on the shared cache
 * (server/shared-cache.js): the rendered pages and tagged reads of every instance of one site live in one
 * Redis, so a page invalidated through one instance is re-rendered by whichever serves it next.
 *
 * An entry is kept with the tags it was made from and the time it was written; it is returned only while
 * none of those tags was invalidated after that time (Hearth invalidates for immediate effect only).
 * Entries are namespaced by build, since another build's pages name other scripts; the tag times are
 * shared by all builds. When the shared cache is unavailable, every get misses and every set is dropped:
 * Next renders as if nothing were cached.
 */
const fs = require('node:fs');
const path = require('node:path');
const { sharedCache } = require('./shared-cache');

/** Kept at most this long (Redis forgets it then), so entries nothing asks for again do not pile up. */
const ENTRY_LIFETIME_SECONDS = 24 * 60 * 60;
/**
 * Machines' clocks differ (NTP keeps them within milliseconds): an entry counts as made this much earlier
 * than its instance's clock says, so an invalidation stamped by another instance's clock is never missed.
 */
const CLOCK_ALLOWANCE_MS = 1000;
/** Misses remembered at most, for the renders they start (a render of a key missed earlier is forgotten first). */
const MISSES_REMEMBERED = 10_000;
const CACHE_TAGS_HEADER = 'x-next-cache-tags';

/** @typedef {{ lastModified: number, value: any, cacheControl?: { revalidate?: number | false, expire?: number }, tags: string[] }} StoredEntry */
/** @typedef {import('./shared-cache').SharedCacheConnection} SharedCacheConnection */

/** Buffers and Maps (page payloads, segment data) survive JSON as tagged objects. @param {string} key @param {unknown} value @this {any} */
function packValue(key, value) {
  const raw = this[key];
  if (Buffer.isBuffer(raw)) return { $buffer: raw.toString('base64') };
  if (raw instanceof Map) return { $map: [...raw.entries()] };
  return value;
}

/** @param {string} _key @param {any} value */
function unpackValue(_key, value) {
  if (value && typeof value === 'object') {
    if (typeof value.$buffer === 'string') return Buffer.from(value.$buffer, 'base64');
    if (Array.isArray(value.$map)) return new Map(value.$map);
  }
  return value;
}

/** The tags a stored value names itself (pages and route responses carry theirs in a header). @param {any} value */
function ownTags(value) {
  const header = value?.headers?.[CACHE_TAGS_HEADER];
  if (typeof header === 'string') return header.split(',');
  return Array.isArray(value?.tags) ? value.tags : [];
}

/** The shared cache's get, set and invalidate for one site build on `connection`. @param {SharedCacheConnection} connection @param {string} buildId */
function createSharedCacheStore(connection, buildId) {
  const entryKey = (/** @type {string} */ key) => `hearth:${buildId}:entry:${key}`;
  /**
   * When each key last missed. Next renders after a miss and stores the result: the entry is dated from the
   * miss, when its render began reading, so an invalidation during a slow render still disowns it.
   * @type {Map<string, number>}
   */
  const missedAt = new Map();

  /** Notes the miss and answers it. @param {string} key @returns {null} */
  function rememberMiss(key) {
    if (!missedAt.has(key)) missedAt.set(key, Date.now());
    if (missedAt.size > MISSES_REMEMBERED) missedAt.delete(/** @type {string} */ (missedAt.keys().next().value));
    return null;
  }

  /** @param {string} key @param {{ tags?: string[], softTags?: string[] }} [context] @returns {Promise<StoredEntry | null>} */
  async function get(key, context = {}) {
    const stored = await connection.run((redis) => redis.get(entryKey(key)));
    if (!stored) return rememberMiss(key);
    const entry = /** @type {StoredEntry} */ (JSON.parse(stored, unpackValue));
    const tags = [...new Set([...entry.tags, ...(context.tags ?? []), ...(context.softTags ?? [])])];
    const invalidatedAt = await connection.lastInvalidated(tags);
    if (invalidatedAt === null || invalidatedAt >= entry.lastModified - CLOCK_ALLOWANCE_MS) return rememberMiss(key);
    return entry;
  }

  /** @param {string} key @param {any} value @param {{ tags?: string[], cacheControl?: StoredEntry['cacheControl'] }} [context] */
  async function set(key, value, context = {}) {
    if (!value) return;
    const renderBegan = missedAt.get(key) ?? Date.now();
    missedAt.delete(key);
    /** @type {StoredEntry} */
    const entry = { lastModified: renderBegan, value, cacheControl: context.cacheControl, tags: [...new Set([...ownTags(value), ...(context.tags ?? [])])] };
    const expire = context.cacheControl?.expire;
    const lifetime = typeof expire === 'number' && expire > 0 ? Math.min(expire, ENTRY_LIFETIME_SECONDS) : ENTRY_LIFETIME_SECONDS;
    await connection.run((redis) => redis.set(entryKey(key), JSON.stringify(entry, packValue), 'EX', lifetime));
  }

  /** @param {string | string[]} tags */
  async function revalidateTag(tags) {
    await connection.invalidate(typeof tags === 'string' ? [tags] : tags);
  }

  return { get, set, revalidateTag };
}

/** The build this server runs, from the BUILD_ID file beside its server folder. @param {string} serverDistDir */
function buildIdOf(serverDistDir) {
  return fs.readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
}

/** @type {ReturnType<typeof createSharedCacheStore> | null} */
let processStore = null;

/** The interface Next calls; it makes one per request, so all share this process's store. */
class SharedCacheHandler {
  /** @param {{ serverDistDir?: string }} options */
  constructor(options) {
    const connection = sharedCache();
    if (!connection) throw new Error('the shared cache handler is configured but REDIS_URL is not set');
    if (!options.serverDistDir) throw new Error('the shared cache handler needs the build folder to namespace its entries');
    this.store = processStore ??= createSharedCacheStore(connection, buildIdOf(options.serverDistDir));
  }

  /** @param {string} key @param {any} context */
  get(key, context) {
    return this.store.get(key, context);
  }

  /** @param {string} key @param {any} value @param {any} context */
  set(key, value, context) {
    return this.store.set(key, value, context);
  }

  /** @param {string | string[]} tags */
  revalidateTag(tags) {
    return this.store.revalidateTag(tags);
  }

  resetRequestCache() {}
}

module.exports = SharedCacheHandler;
module.exports.createSharedCacheStore = createSharedCacheStore;
module.exports.CLOCK_ALLOWANCE_MS = CLOCK_ALLOWANCE_MS;
