/**
 * `npm run bench`: the side-by-side benchmark of issue 8. Builds the app when needed, fills a temporary
 * database (bench/seed.ts), starts the production server and a private nginx with the shipped
 * configuration, signs members in through the real flow, then drives each target in turn with
 * autocannon and compares it with a bare node:http server sending the post page's bytes.
 * BENCH_SECONDS (default 20) and BENCH_WARMUP_SECONDS (default 3) shorten a quick run; BENCH_ONLY ('|'-separated
 * beginnings of target names, e.g. "post page, 200|nginx: post page, anonymous") runs those targets and the baseline only, and
 * signs members in only when one of them needs it. BENCH_ROUNDS (default 1) runs the chosen targets that many times,
 * interleaved (A B A B…), and reports each target's median round: on a shared machine a pair compared side by side
 * then sees the same noise.
 * BENCH_POSTGRES: the anonymous post page and comment submission are also measured on PostgreSQL, in rows named
 * "…, PostgreSQL" (bench/postgres.ts: a throwaway cluster holding a copy of the same database, a second server on it).
 * Unset, they run where PostgreSQL is installed and are skipped, said so, where it is not; 1 requires PostgreSQL; 0
 * leaves them out (BENCH_ONLY's name beginnings select both engines' rows).
 * The cluster rows (bench/cluster.ts, "cluster: …") run with the PostgreSQL rows where nginx and Redis are installed:
 * the anonymous and signed-in post page and comment submission through nginx, to the PostgreSQL server alone and to two
 * instances sharing its database and a Redis.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfStale } from '../scripts/build-if-stale.mjs';
import { startMailCatcher, type MailCatcher } from '../tests/helpers/mail-catcher';
import { startServer } from './app-server';
import { ensureNginx, startNginx } from '../tests/helpers/nginx';
import { firstLoadJs } from './first-load-js';
import { measureTarget, type Target, type TargetResult } from './load';
import { redirectTargets } from './redirects';
import { checkTargets } from './targets';
import { formatTable, writeReport, type Report } from './report';
import { freshQuery, seedDatabase, SIZES } from './bench-database';
import { commentBody, randomSource } from './seed-text';
import { findPostgres, startPostgresApp, type PostgresApp } from './postgres';
import { findRedis, ONE_INSTANCE, startCluster, TWO_INSTANCES } from './cluster';
import { onPostgres } from './postgres-rows';
import { signInMembers, whoIs } from './sessions';

const root = path.join(__dirname, '..');
const COMMENTERS = 50;
const CONNECTIONS = 32;
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));
const only = (process.env.BENCH_ONLY ?? '')
  .split('|')
  .map((name) => name.trim())
  .filter(Boolean);
const selected = (name: string) => only.length === 0 || only.some((start) => name.startsWith(start));
/** The targets that need signed-in members (see below). */
const MEMBER_TARGETS = ['post page, signed in', 'comment submission'];
const POST_PAGE = 'post page, 200 comments, anonymous';
const COMMENTS = `comment submission, ${COMMENTERS} members`;
/** What the cluster rows measure, each once per side (bench/cluster.ts). */
const CLUSTER_TARGETS = ['post page, anonymous', 'post page, signed in', COMMENTS];
const CLUSTER_ROWS = CLUSTER_TARGETS.flatMap((name) => [ONE_INSTANCE + name, TWO_INSTANCES + name]);
/**
 * COMMENT_FLOOD_LIMITS=off lifts the per-member comment pace; TRUSTED_PROXIES=127.0.0.1 lets the sign-in
 * step give each of the 51 members an address of their own through X-Forwarded-For (the benchmark plays
 * the proxy), so the per-IP sign-in limit holds each of them to its own count.
 */
const serverEnv = { COMMENT_FLOOD_LIMITS: 'off', TRUSTED_PROXIES: '127.0.0.1' };

/**
 * An anonymous reader's browser arriving from another site: what the view counter counts (a browser's
 * User-Agent, no Do Not Track; see server/view-rules.js). The counting off/on pairs send it alike.
 */
const READER = {
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  referer: 'https://forum.example.org/threads/42',
};
/**
 * The side-by-side pairs of issue 14: two fresh twin apps on the same database (and each its own nginx), alike
 * in everything but VIEW_COUNTING, serving nothing else; neither runs the mail worker.
 */
const COUNTING = {
  off: { direct: 'post page, counting off, reader browser', proxied: 'nginx: post page, counting off, reader browser' },
  on: { direct: 'post page, counting on, reader browser', proxied: 'nginx: post page, counting on, reader browser' },
};

const cleanups: (() => Promise<void> | void)[] = [];
const log = (line: string) => console.log(`[bench] ${line}`);

/** The bare node:http server of bench/baseline-server.mjs, serving `file`. */
async function startBaseline(file: string): Promise<{ port: number; pid: number }> {
  const child = spawn(process.execPath, [path.join(__dirname, 'baseline-server.mjs'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => void child.kill('SIGKILL'));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim())));
    child.once('exit', (code) => reject(new Error(`baseline server exited with ${code}`)));
  });
  return { port, pid: child.pid! };
}

function nginxVersion(binary: string): string {
  return execFileSync(binary, ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim() || 'nginx';
}

async function main() {
  const startedAt = new Date().toISOString();
  const postgres = findPostgres(process.env.BENCH_POSTGRES);
  buildIfStale(root);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const databaseFile = path.join(dir, 'hearth.db');
  let started = Date.now();
  const data = seedDatabase(databaseFile);
  log(`database: ${SIZES.posts} published posts, ${data.threadPost.comments} comments on /posts/${data.threadPost.slug}, ${SIZES.subscribers} subscribers (${Date.now() - started} ms)`);

  const skipped: string[] = [];
  // Copied before any server writes to the SQLite file: both engines start from the same data.
  const clusterSelected = CLUSTER_ROWS.some(selected);
  const postgresSelected = [POST_PAGE, COMMENTS].map(onPostgres).some(selected) || clusterSelected;
  // Every server on the PostgreSQL database shares one secret, as a cluster's instances must.
  const postgresEnv = { ...serverEnv, MAIL_PER_SECOND: '1000', AUTH_SECRET: randomBytes(32).toString('base64url') };
  let pg: PostgresApp | null = null;
  if (postgresSelected && 'unavailable' in postgres) {
    skipped.push(`PostgreSQL rows: ${postgres.unavailable}`);
    log(`skipping the PostgreSQL rows: ${postgres.unavailable}`);
  } else if (postgresSelected) {
    started = Date.now();
    pg = await startPostgresApp({ databaseFile, dataDir: path.join(dir, 'postgres-data'), env: postgresEnv });
    cleanups.push(pg.stop);
    log(`PostgreSQL server pid ${pg.server.pid} on ${pg.server.url}, on a throwaway cluster filled by db:copy (${pg.copied}; ${((Date.now() - started) / 1000).toFixed(1)} s in all)`);
  }

  const mail = await startMailCatcher();
  cleanups.push(() => mail.close());
  const viewsLog = path.join(dir, 'nginx-views.log');
  const server = await startServer({ databaseFile, env: { ...serverEnv, EMAIL_SERVER: mail.url, MAIL_PER_SECOND: '1000', NGINX_VIEWS_LOG: viewsLog } });
  cleanups.push(() => server.stop());
  // Started only for the pairs: the same database, twins but for counting.
  const pairs = [...Object.values(COUNTING.off), ...Object.values(COUNTING.on)].some(selected);
  const twinEnv = { ...serverEnv, MAIL_WORKER: 'off' };
  const uncounted = pairs ? await startServer({ databaseFile, env: { ...twinEnv, VIEW_COUNTING: 'off' } }) : null;
  if (uncounted) cleanups.push(() => uncounted.stop());
  const countedViewsLog = path.join(dir, 'nginx-views-twin.log');
  const counted = pairs ? await startServer({ databaseFile, env: { ...twinEnv, VIEW_COUNTING: 'on', NGINX_VIEWS_LOG: countedViewsLog } }) : null;
  if (counted) cleanups.push(() => counted.stop());
  process.once('exit', (code) => {
    if (code === 0) return;
    console.error(`[bench] server output:\n${server.output()}`);
    if (pg) console.error(`[bench] PostgreSQL server output:\n${pg.server.output()}`);
  });
  log(
    `server pid ${server.pid} on ${server.url}; env ${Object.entries(serverEnv)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')} (benchmark only: lifts the per-member comment pace limits, and believes its own X-Forwarded-For)`,
  );

  started = Date.now();
  // One member reads signed in; the comment target needs its own 50 more.
  const members = data.memberEmails.slice(0, selected(COMMENTS) ? COMMENTERS + 1 : 1);
  const cookies = MEMBER_TARGETS.some(selected) ? await signInChecked(server.url, mail, members) : [];
  log(`${cookies.length} members signed in through the sign-in form and their emailed links (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  // On PostgreSQL the same 50 commenters sign in again, through that server's own flow.
  started = Date.now();
  const postgresCookies = pg && (selected(onPostgres(COMMENTS)) || clusterSelected) ? await signInChecked(pg.server.url, pg.mail, data.memberEmails.slice(1, COMMENTERS + 1)) : [];
  if (pg) log(`${postgresCookies.length} members signed in on the PostgreSQL server (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const app = `http://127.0.0.1:${server.port}`;
  const postPath = `/posts/${data.threadPost.slug}`;
  const pageResponse = await fetch(app + postPath, { headers: { 'accept-encoding': 'identity' } });
  if (!pageResponse.ok) throw new Error(`${postPath} answered ${pageResponse.status}`);
  const pageFile = path.join(dir, 'post-page.html');
  fs.writeFileSync(pageFile, Buffer.from(await pageResponse.arrayBuffer()));
  const postgresApp = pg && `http://127.0.0.1:${pg.server.port}`;
  const postgresPageBytes = postgresApp && (await pageBytes(postgresApp + postPath));
  const baseline = await startBaseline(pageFile);
  if (!server.pid) throw new Error('The server has no pid');
  const appServer = { label: 'app', pid: server.pid };
  const uncountedServer = uncounted && { label: 'app', pid: uncounted.pid! };
  const countedServer = counted && { label: 'app', pid: counted.pid! };
  const postgresServer = pg && { label: 'app', pid: pg.server.pid! };

  const targets: Target[] = [
    { name: 'baseline: node:http, post page bytes', url: `http://127.0.0.1:${baseline.port}${postPath}`, servers: [{ label: 'baseline', pid: baseline.pid }] },
    { name: POST_PAGE, url: app + postPath, servers: [appServer] },
    ...redirectTargets(databaseFile, app + postPath, postPath, appServer),
    ...(postgresApp && postgresServer ? [{ name: onPostgres(POST_PAGE), url: postgresApp + postPath, servers: [postgresServer] }] : []),
    { name: 'post page, anonymous, gzip', url: app + postPath, servers: [appServer], headers: { 'accept-encoding': 'gzip' } },
    // Views are counted as pages are served: the same reader's requests to a twin counting nothing and to one counting.
    ...(uncounted && uncountedServer && counted && countedServer
      ? [
          { name: COUNTING.off.direct, url: `http://127.0.0.1:${uncounted.port}${postPath}`, servers: [uncountedServer], headers: READER },
          { name: COUNTING.on.direct, url: `http://127.0.0.1:${counted.port}${postPath}`, servers: [countedServer], headers: READER },
        ]
      : []),
    { name: 'post page, signed in', url: app + postPath, servers: [appServer], headers: { cookie: cookies[0] } },
    { name: 'home page', url: `${app}/`, servers: [appServer] },
    { name: 'RSS feed /feed.xml', url: `${app}/feed.xml`, servers: [appServer] },
    { name: `search /search?q=${data.searchTerm}, repeated`, url: `${app}/search?q=${data.searchTerm}`, servers: [appServer] },
    // Each request a search not made before: two words of the posts' vocabulary and a number.
    { name: 'search, a fresh query each time', url: `${app}/search`, servers: [appServer], paths: (n) => `/search?q=${encodeURIComponent(freshQuery(n))}` },
    // The same page with no query, each request at an address not asked before: what rendering it costs Next
    // without any search, the floor under the fresh searches' cost.
    { name: 'search page, no query, rendered each time', url: `${app}/search`, servers: [appServer], paths: (n) => `/search?from=${n}` },
  ];

  const nginx = ensureNginx(log);
  let nginxName: string | null = null;
  if ('unavailable' in nginx) {
    skipped.push(`nginx targets: ${nginx.unavailable}`);
    log(`skipping the nginx targets: ${nginx.unavailable}`);
  } else {
    nginxName = nginxVersion(nginx.binary);
    const proxy = await startNginx(nginx.binary, server.port, { viewsLog });
    cleanups.push(() => proxy.stop());
    log(`${nginxName} pid ${proxy.pid} on port ${proxy.port}, deploy/nginx/hearth.conf (1 s micro-cache)`);
    const viaProxy = `http://127.0.0.1:${proxy.port}`;
    const both = [appServer, { label: 'nginx', pid: proxy.pid }];
    targets.push(
      { name: 'nginx: post page, anonymous', url: viaProxy + postPath, servers: both },
      { name: 'nginx: post page, anonymous, gzip', url: viaProxy + postPath, servers: both, headers: { 'accept-encoding': 'gzip' } },
      { name: 'nginx: home page', url: `${viaProxy}/`, servers: both },
      { name: 'nginx: home page, gzip', url: `${viaProxy}/`, servers: both, headers: { 'accept-encoding': 'gzip' } },
    );
    if (uncounted && uncountedServer && counted && countedServer) {
      // Each twin behind its own nginx: the counting one writes the views it answers to the log its app follows.
      const quietProxy = await startNginx(nginx.binary, uncounted.port);
      const countingProxy = await startNginx(nginx.binary, counted.port, { viewsLog: countedViewsLog });
      cleanups.push(
        () => quietProxy.stop(),
        () => countingProxy.stop(),
      );
      targets.push(
        { name: COUNTING.off.proxied, url: `http://127.0.0.1:${quietProxy.port}${postPath}`, servers: [uncountedServer, { label: 'nginx', pid: quietProxy.pid }], headers: READER },
        { name: COUNTING.on.proxied, url: `http://127.0.0.1:${countingProxy.port}${postPath}`, servers: [countedServer, { label: 'nginx', pid: countingProxy.pid }], headers: READER },
      );
    }
  }

  const redis = findRedis();
  if (clusterSelected && pg && !('unavailable' in nginx) && 'unavailable' in redis) {
    skipped.push(`cluster rows: ${redis.unavailable}`);
    log(`skipping the cluster rows: ${redis.unavailable}`);
  }
  const cluster =
    clusterSelected && pg && !('unavailable' in nginx) && !('unavailable' in redis)
      ? await startCluster({ nginxBinary: nginx.binary, single: pg.server, databaseUrl: pg.server.databaseUrl, dataDir: path.join(dir, 'cluster'), env: { ...postgresEnv, EMAIL_SERVER: pg.mail.url } })
      : null;
  const clusterSides =
    cluster && pg
      ? [
          {
            prefix: ONE_INSTANCE,
            url: `http://127.0.0.1:${cluster.single.port}`,
            servers: [
              { label: 'app', pid: pg.server.pid! },
              { label: 'nginx', pid: cluster.single.pid },
            ],
          },
          {
            prefix: TWO_INSTANCES,
            url: `http://127.0.0.1:${cluster.pair.port}`,
            servers: [...cluster.instances.map((instance) => ({ label: 'app', pid: instance.pid! })), { label: 'nginx', pid: cluster.pair.pid }],
          },
        ]
      : [];
  if (cluster) {
    cleanups.push(cluster.stop);
    log(
      `cluster: two instances (pids ${cluster.instances.map((instance) => instance.pid).join(', ')}) on the PostgreSQL database with a Redis, behind nginx on port ${cluster.pair.port}; the PostgreSQL server alone behind nginx on port ${cluster.single.port}`,
    );
    for (const side of clusterSides) {
      targets.push(
        { name: `${side.prefix}post page, anonymous`, url: side.url + postPath, servers: side.servers },
        { name: `${side.prefix}post page, signed in`, url: side.url + postPath, servers: side.servers, headers: { cookie: postgresCookies[0] } },
      );
    }
  }

  // Last: it changes a post and the comment counts, which refreshes cached pages (PostgreSQL's only on its own server).
  const random = randomSource(7);
  const bodies = Array.from({ length: 64 }, () => commentBody(random));
  const commentTarget = (name: string, origin: string, served: Target['servers'], commenters: string[]): Target => ({
    name,
    url: `${origin}/api/posts/${data.commentPost.id}/comments`,
    servers: served,
    expectStatus: 201,
    clients: commenters.map((cookie) => ({
      method: 'POST' as const,
      headers: { cookie, 'content-type': 'application/json' },
      body: (n: number) => JSON.stringify({ body: `${bodies[n % bodies.length]} (${n})` }),
    })),
  });
  targets.push(commentTarget(COMMENTS, app, [appServer], cookies.slice(1)));
  if (postgresApp && postgresServer) targets.push(commentTarget(onPostgres(COMMENTS), postgresApp, [postgresServer], postgresCookies));
  for (const side of clusterSides) targets.push(commentTarget(side.prefix + COMMENTS, side.url, side.servers, postgresCookies));

  // Measured before the load, on the pages as seeded.
  const firstLoad = { 'post page': await firstLoadJs(app + postPath), 'home page': await firstLoadJs(`${app}/`) };

  const chosen = targets.filter((target, i) => i === 0 || selected(target.name));
  const runs: TargetResult[][] = chosen.map(() => []);
  for (let round = 1; round <= rounds; round++) {
    for (const [i, target] of chosen.entries()) {
      log(`${target.name}${rounds > 1 ? ` (round ${round} of ${rounds})` : ''}: ${warmupSeconds} s warm-up, ${seconds} s measured…`);
      runs[i].push(await measureTarget(target, { seconds, warmupSeconds, connections: CONNECTIONS }));
    }
  }
  const results = runs.map(median);
  const baselineRate = results[0].requestsPerSecond;

  const report: Report = {
    startedAt,
    command: 'npm run bench',
    machine: { cpus: os.cpus().length, node: process.version, nginx: nginxName, postgres: pg && 'version' in postgres ? postgres.version : null },
    settings: { seconds, warmupSeconds, rounds, connections: CONNECTIONS, commentConnections: COMMENTERS, ...serverEnv, ...(only.length ? { BENCH_ONLY: only.join('|') } : {}) },
    data: {
      ...SIZES,
      threadPost: postPath,
      threadComments: data.threadPost.comments,
      postPageHtmlBytes: fs.statSync(pageFile).size,
      membersSignedIn: cookies.length,
      ...(pg ? { postgresCopy: pg.copied, postgresPostPageHtmlBytes: postgresPageBytes, membersSignedInOnPostgres: postgresCookies.length } : {}),
    },
    baseline: 'bench/baseline-server.mjs: node:http sending the post page bytes as fetched from the app',
    results: results.map((r) => ({ ...r, ratioToBaseline: baselineRate ? Number((r.requestsPerSecond / baselineRate).toFixed(4)) : null })),
    firstLoadJs: firstLoad,
    skipped,
    targets: [],
  };
  report.targets = checkTargets(report);
  console.log(`\n${formatTable(report)}\n`);
  log(`wrote ${path.relative(root, writeReport(report, path.join(__dirname, 'results')))}`);
}

/** Signs `emails` in on the server at `url` and checks that each session is one; their `Cookie` headers, in order. */
async function signInChecked(url: string, mail: MailCatcher, emails: string[]): Promise<string[]> {
  const cookies = await signInMembers(url, mail, emails, 4);
  for (const [i, cookie] of cookies.entries()) {
    if (!(await whoIs(url, cookie))) throw new Error(`The session of ${emails[i]} is not signed in on ${url}`);
  }
  return cookies;
}

/** The size of the page at `url` as the app sends it uncompressed; throws unless it answers 200. */
async function pageBytes(url: string): Promise<number> {
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.arrayBuffer()).byteLength;
}

/** The round with the median req/s (the higher middle one for an even count), with every round's req/s beside it. */
function median(measured: TargetResult[]): TargetResult {
  const sorted = [...measured].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const middle = sorted[Math.floor(sorted.length / 2)];
  return measured.length > 1 ? { ...middle, rounds: measured.map((r) => r.requestsPerSecond) } : middle;
}

async function cleanUp() {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups.length = 0;
}

process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
main()
  .then(cleanUp)
  .catch(async (error) => {
    console.error(error);
    await cleanUp();
    process.exit(1);
  });
