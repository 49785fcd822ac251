// @ts-check
/**
 * The cache every instance of one site shares (REDIS_URL): rendered pages and tagged reads, kept in Redis
 * by server/shared-cache-handler.js, which Next loads (next.config.js), and the word that tags were
 * invalidated, which server/index.js hears to drop its one-second page copies at once.
 *
 * Redis down or slow must never stall a reader: commands are never queued while disconnected, each one gives
 * up after COMMAND_TIMEOUT_MS, and after a failure the cache is skipped for PAUSE_AFTER_FAILURE_MS, so a
 * request pays for at most one timeout and pages are rendered without the cache meanwhile. An outage is
 * logged once when it starts and once when it ends. On its end, entries written before it are
 * disowned (the `*` tag): invalidations made during the outage never reached Redis.
 */
const { default: Redis } = require('ioredis');

const COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 1000;
const PAUSE_AFTER_FAILURE_MS = 5000;
/** Every entry carries it: invalidating it disowns everything written before. */
const EVERY_ENTRY_TAG = '*';
const TAGS_KEY = 'hearth:tags';
const INVALIDATIONS_CHANNEL = 'hearth:invalidated';

/** @typedef {ReturnType<typeof connectSharedCache>} SharedCacheConnection */

/** @type {import('ioredis').RedisOptions} */
const REDIS_OPTIONS = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  connectTimeout: CONNECT_TIMEOUT_MS,
  commandTimeout: COMMAND_TIMEOUT_MS,
  // Keeps trying, at most once a second, for as long as the process lives.
  retryStrategy: (attempt) => Math.min(attempt * 200, 1000),
};

/**
 * A connection to the shared cache at `url`: `run` a command (null when the cache is unavailable: the caller
 * carries on without it), `invalidate` tags everywhere, and hear invalidations from any instance.
 * @param {string} url @param {{ log?: Pick<Console, 'error' | 'warn'> }} [options]
 */
function connectSharedCache(url, { log = console } = {}) {
  const client = new Redis(url, REDIS_OPTIONS);
  // It subscribes itself on every connection (below).
  const subscriber = new Redis(url, { ...REDIS_OPTIONS, autoResubscribe: false });
  /** @type {Set<(tags: string[]) => void>} */
  const listeners = new Set();
  let pausedUntil = 0;
  let outage = false;
  let everReady = false;
  let closing = false;

  /** @type {NodeJS.Timeout | null} */
  let recoveryTimer = null;

  /** @param {unknown} error */
  function startOutage(error) {
    pausedUntil = Date.now() + PAUSE_AFTER_FAILURE_MS;
    scheduleRecovery();
    if (outage) return;
    outage = true;
    const reason = error instanceof Error ? error.message : String(error);
    log.error(`[hearth] shared cache (Redis) unavailable (${reason}): pages are rendered without it until it is back`);
  }

  /**
   * Ends the outage as soon as Redis answers again, without waiting for this instance's next request: an
   * invalidation that failed here must be made good (endOutage) even if no reader comes back to this instance.
   */
  function scheduleRecovery() {
    if (recoveryTimer || closing) return;
    recoveryTimer = setTimeout(() => {
      recoveryTimer = null;
      if (!outage || closing) return;
      void run(async () => true).then((answered) => {
        if (answered === null) scheduleRecovery();
      });
    }, PAUSE_AFTER_FAILURE_MS + 100);
    recoveryTimer.unref();
  }

  client.on('error', startOutage);
  subscriber.on('error', () => {}); // its reconnection is logged through the client's outage
  client.on('ready', () => {
    everReady = true;
    if (outage) scheduleRecovery();
  });
  client.on('close', () => {
    if (everReady && !closing) startOutage(new Error('connection closed'));
  });

  subscriber.on('message', (channel, message) => {
    if (channel !== INVALIDATIONS_CHANNEL) return;
    let tags;
    try {
      tags = JSON.parse(message);
    } catch (error) {
      log.error(`[hearth] shared cache: ignored a message on ${INVALIDATIONS_CHANNEL} that is not JSON (${/** @type {Error} */ (error).message})`);
      return;
    }
    if (!Array.isArray(tags)) return;
    for (const listener of listeners) listener(tags);
  });
  // On every (re)connection: a subscription asked for while disconnected is refused, not queued.
  subscriber.on('ready', () => {
    subscriber.subscribe(INVALIDATIONS_CHANNEL).catch(startOutage);
  });

  /**
   * Runs `command`, or returns null without waiting when the cache is unavailable or the command fails.
   * @template T @param {(redis: Redis) => Promise<T>} command @returns {Promise<T | null>}
   */
  async function run(command) {
    if (client.status !== 'ready' || Date.now() < pausedUntil) return null;
    try {
      if (outage) await endOutage();
      return await command(client);
    } catch (error) {
      startOutage(error);
      return null;
    }
  }

  /** Whatever was invalidated while Redis was away never reached it: disowns every older entry before any is read. */
  async function endOutage() {
    await client.hset(TAGS_KEY, EVERY_ENTRY_TAG, Date.now());
    if (!outage) return;
    outage = false;
    log.warn('[hearth] shared cache (Redis) is back: entries written before the outage are ignored');
  }

  /**
   * Records that `tags` changed now and tells every instance. False when Redis could not be told (its
   * recovery disowns the older entries).
   * @param {string[]} tags
   */
  async function invalidate(tags) {
    if (tags.length === 0) return true;
    const now = Date.now();
    const done = await run((redis) =>
      redis
        .multi()
        .hset(TAGS_KEY, Object.fromEntries(tags.map((tag) => [tag, now])))
        .publish(INVALIDATIONS_CHANNEL, JSON.stringify(tags))
        .exec(),
    );
    return done !== null;
  }

  /**
   * The newest invalidation time of any of `tags` (the every-entry tag included), or null when unknown: Redis
   * unavailable, or the invalidation times lost (evicted, flushed, a fresh server), when nothing stored before
   * can be trusted, so the every-entry tag is set again.
   * @param {string[]} tags
   */
  async function lastInvalidated(tags) {
    const times = await run((redis) => redis.hmget(TAGS_KEY, EVERY_ENTRY_TAG, ...tags));
    if (times === null) return null;
    if (times[0] === null) {
      await run((redis) => redis.hsetnx(TAGS_KEY, EVERY_ENTRY_TAG, Date.now()));
      return null;
    }
    return Math.max(0, ...times.map(Number).filter(Number.isFinite));
  }

  /** @param {(tags: string[]) => void} listener */
  function onInvalidation(listener) {
    listeners.add(listener);
  }

  function close() {
    closing = true;
    if (recoveryTimer) clearTimeout(recoveryTimer);
    client.disconnect();
    subscriber.disconnect();
  }

  return { run, invalidate, lastInvalidated, onInvalidation, close };
}

/** @type {SharedCacheConnection | null} */
let processConnection = null;

/** This process's connection to REDIS_URL (made on first use), or null when REDIS_URL is unset. */
function sharedCache() {
  const url = process.env.REDIS_URL?.trim();
  if (!url) return null;
  return (processConnection ??= connectSharedCache(url));
}

module.exports = { connectSharedCache, sharedCache };
