/**
 * @jest-environment node
 */
// The shared cache on a real Redis: two connections stand for two instances of one site.
import { connectSharedCache } from '@/server/shared-cache';
import { CLOCK_ALLOWANCE_MS, createSharedCacheStore } from '@/server/shared-cache-handler';
import { startRedis, type RedisServer } from '../../helpers/redis';

jest.setTimeout(30_000);

type Connection = ReturnType<typeof connectSharedCache>;

let redis: RedisServer;
const opened: Connection[] = [];

/** An instance's connection, ready to use; what it logs goes into `logged`. */
async function instance(logged: string[] = []): Promise<Connection> {
  const log = { error: (line: string) => logged.push(line), warn: (line: string) => logged.push(line) };
  const connection = connectSharedCache(redis.url, { log });
  opened.push(connection);
  for (let tries = 0; tries < 100 && (await connection.run(async (client) => client.ping())) === null; tries++) await sleep(50);
  return connection;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A page entry as Next hands it over: HTML, an RSC payload and segment data (Buffers), and its tags in a header. */
function pageValue(html: string, tags: string[]) {
  return {
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.from(`rsc of ${html} ✓`),
    segmentData: new Map([['/_tree', Buffer.from([0, 1, 2, 255])]]),
    headers: { 'x-next-cache-tags': tags.join(',') },
    status: 200,
  };
}

/** Waits until `check` holds, or fails after `ms`. */
async function eventually(check: () => Promise<boolean> | boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(100);
  }
}

beforeAll(async () => {
  redis = await startRedis();
  // A Redis already in use: its invalidation times go back further than these tests (a fresh one trusts no entry
  // written in its first second, see below).
  await (await instance()).run((client) => client.hset('hearth:tags', '*', Date.now() - 60_000));
});

afterAll(async () => {
  for (const connection of opened) connection.close();
  await redis.stop();
});

describe('the shared cache', () => {
  it('gives an instance what another wrote, Buffers, Maps and odd characters intact', async () => {
    const a = createSharedCacheStore(await instance(), 'build-1');
    const b = createSharedCacheStore(await instance(), 'build-1');
    const value = pageValue('<p>Fatigue & “flares” — día 3 🌧️</p>', ['post:flares', '_N_T_/post/flares']);
    await a.set('/post/flares', value, { cacheControl: { revalidate: false } });
    const entry = await b.get('/post/flares', {});
    expect(entry?.value).toEqual(value);
    expect(Buffer.isBuffer(entry?.value.rscData)).toBe(true);
    expect(entry?.value.segmentData.get('/_tree')).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it('keeps builds apart: another build’s pages name other scripts', async () => {
    const old = createSharedCacheStore(await instance(), 'build-old');
    const current = createSharedCacheStore(await instance(), 'build-new');
    await old.set('/about', pageValue('old build', ['site']));
    expect(await current.get('/about')).toBeNull();
  });

  it('misses on every instance once one invalidates a tag the entry was made from, and tells every instance', async () => {
    const [connectionA, connectionB] = [await instance(), await instance()];
    const heardByB: string[][] = [];
    connectionB.onInvalidation((tags) => heardByB.push(tags));
    await sleep(200); // B's subscription is made on connection
    const a = createSharedCacheStore(connectionA, 'build-1');
    const b = createSharedCacheStore(connectionB, 'build-1');
    await a.set('/post/pacing', pageValue('pacing', ['post:pacing', 'site']));
    await a.set('/post/sleep', pageValue('sleep', ['post:sleep', 'site']));
    // A tagged read is kept with its own tags and checked against the asker's too.
    await a.set('list of posts', { kind: 'FETCH', data: { body: '[1,2]' }, tags: ['posts'] }, { tags: ['posts'] });
    await sleep(CLOCK_ALLOWANCE_MS + 50);

    await a.revalidateTag(['post:pacing']);
    expect(await b.get('/post/pacing')).toBeNull();
    expect((await b.get('/post/sleep'))?.value.html).toBe('sleep');
    expect(await b.get('list of posts', { tags: ['posts'], softTags: ['_N_T_/'] })).not.toBeNull();
    await eventually(() => heardByB.some((tags) => tags.includes('post:pacing')));

    await b.revalidateTag('_N_T_/');
    expect(await a.get('list of posts', { tags: ['posts'], softTags: ['_N_T_/'] })).toBeNull();
    expect((await a.get('/post/sleep'))?.value.html).toBe('sleep');
  });

  it('does not keep a render written just after an invalidation, which may have read the old data', async () => {
    const a = createSharedCacheStore(await instance(), 'build-1');
    await a.revalidateTag('post:brain-fog');
    await a.set('/post/brain-fog', pageValue('maybe old', ['post:brain-fog']));
    expect(await a.get('/post/brain-fog')).toBeNull();
  });

  it('dates an entry from the miss that began its render, so an invalidation during a slow render disowns it', async () => {
    const [connectionA, connectionB] = [await instance(), await instance()];
    const a = createSharedCacheStore(connectionA, 'build-1');
    const b = createSharedCacheStore(connectionB, 'build-1');
    await sleep(CLOCK_ALLOWANCE_MS + 50);
    expect(await a.get('/post/slow-render')).toBeNull(); // the miss: A's render reads the old comments now…
    await sleep(CLOCK_ALLOWANCE_MS + 500);
    await b.revalidateTag('post:slow-render'); // …a comment lands through B meanwhile…
    await sleep(CLOCK_ALLOWANCE_MS + 500);
    await a.set('/post/slow-render', pageValue('old comments', ['post:slow-render'])); // …and A stores what it read
    expect(await b.get('/post/slow-render')).toBeNull();
  });

  it('trusts nothing stored once the invalidation times are gone (evicted, flushed)', async () => {
    const connection = await instance();
    const store = createSharedCacheStore(connection, 'build-1');
    await store.set('/post/evicted-times', pageValue('maybe stale', ['post:evicted-times']));
    await sleep(CLOCK_ALLOWANCE_MS + 50);
    expect(await store.get('/post/evicted-times')).not.toBeNull();
    await connection.run((client) => client.del('hearth:tags'));
    expect(await store.get('/post/evicted-times')).toBeNull();
    expect(Number(await connection.run((client) => client.hget('hearth:tags', '*')))).toBeGreaterThan(0);
    await connection.run((client) => client.hset('hearth:tags', '*', Date.now() - 60_000)); // as before, for the tests below
  });

  it('answers at once without Redis, says so once, and disowns older entries when it is back', async () => {
    const logged: string[] = [];
    const connection = await instance(logged);
    const store = createSharedCacheStore(connection, 'build-1');
    await store.set('/post/before-outage', pageValue('before', ['post:before-outage']));
    await sleep(CLOCK_ALLOWANCE_MS + 50);
    expect(await store.get('/post/before-outage')).not.toBeNull();

    await redis.stop();
    const started = Date.now();
    for (let i = 0; i < 20; i++) {
      expect(await store.get('/post/before-outage')).toBeNull();
      await store.set('/post/during-outage', pageValue('during', ['site']));
      await store.revalidateTag('post:before-outage');
    }
    expect(Date.now() - started).toBeLessThan(1000);
    expect(logged.filter((line) => line.includes('unavailable'))).toHaveLength(1);

    // Redis keeps nothing on disk here, so write the entry back as a partitioned Redis would still hold it.
    await redis.start();
    const other = createSharedCacheStore(await instance(), 'build-1');
    await other.set('/post/before-outage', pageValue('stale', ['post:before-outage']));
    await sleep(CLOCK_ALLOWANCE_MS + 50);
    // This instance makes good its lost invalidation by itself, with no request of its own to prompt it.
    await eventually(() => logged.some((line) => line.includes('(Redis) is back')), 15_000);
    expect(logged.filter((line) => line.includes('(Redis) is back'))).toHaveLength(1);
    // Its invalidation was lost in the outage: the entry older than the return is not served.
    expect(await store.get('/post/before-outage')).toBeNull();
    // Entries written once the return is older than a render are served again.
    await sleep(CLOCK_ALLOWANCE_MS + 50);
    await store.set('/post/after-outage', pageValue('after', ['site']));
    expect((await other.get('/post/after-outage'))?.value.html).toBe('after');
  });

  it('gives up on a stalled Redis within half a second, then skips it rather than waiting each time', async () => {
    const logged: string[] = [];
    const store = createSharedCacheStore(await instance(logged), 'build-1');
    redis.freeze();
    try {
      const started = Date.now();
      expect(await store.get('/post/anything')).toBeNull();
      expect(Date.now() - started).toBeLessThan(1500);
      const next = Date.now();
      for (let i = 0; i < 10; i++) expect(await store.get('/post/anything')).toBeNull();
      expect(Date.now() - next).toBeLessThan(200);
      expect(logged.filter((line) => line.includes('unavailable'))).toHaveLength(1);
    } finally {
      redis.thaw();
    }
  });
});
