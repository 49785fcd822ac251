/** Issue 8's performance targets, checked against the benchmark's own report (never a timed test). */
import { ONE_INSTANCE, TWO_INSTANCES } from './cluster';
import { isOnPostgres } from './postgres-rows';
import { REDIRECTS_TARGET } from './redirects';
import type { Report } from './report';

const ms = (value: number) => `${value} ms`;
const percent = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}% of baseline`);

type Rate = { requestsPerSecond: number };

/** A target met when `measured` runs at least `floor` times as fast as `reference`, both from the same run. */
function ratioCheck(target: string, measured: Rate, reference: Rate, floor: number, unit = 'req/s'): Report['targets'][number] {
  const ratio = measured.requestsPerSecond / reference.requestsPerSecond;
  return { target, measured: `${measured.requestsPerSecond} vs ${reference.requestsPerSecond} ${unit} (${(ratio * 100).toFixed(1)}%)`, met: ratio >= floor };
}

export function checkTargets(report: Report): Report['targets'] {
  // SQLite's rows; PostgreSQL's are named alike with a suffix (bench/postgres-rows.ts) and found by their own name.
  const find = (name: string) => report.results.find((r) => r.name.startsWith(name) && !isOnPostgres(r.name));
  const findOnPostgres = (name: string) => report.results.find((r) => r.name.startsWith(name) && isOnPostgres(r.name));
  const checks: Report['targets'] = [];
  const post = find('post page, 200 comments, anonymous');
  if (post) {
    checks.push({ target: 'post page (app alone) >= 10% of baseline', measured: percent(post.ratioToBaseline), met: (post.ratioToBaseline ?? 0) >= 0.1 });
    checks.push({ target: 'post page (app alone) <= 2 ms server CPU per request', measured: ms(post.cpuMsPerRequest.app), met: post.cpuMsPerRequest.app <= 2 });
    checks.push({ target: 'post page (app alone) p99 < 100 ms at 32 connections', measured: ms(post.latencyMs.p99), met: post.latencyMs.p99 < 100 });
  }
  // Issue 14: views are counted as pages are served; the same reader's requests, to an app counting nothing and to one counting.
  for (const prefix of ['', 'nginx: ']) {
    const off = find(`${prefix}post page, counting off, reader browser`);
    const on = find(`${prefix}post page, counting on, reader browser`);
    if (!off || !on) continue;
    const where = prefix ? 'behind nginx' : 'app alone';
    checks.push(ratioCheck(`post page (${where}) views/s with counting on within 10% of off`, on, off, 0.9, 'views/s'));
  }
  // Issue 15: the old addresses' table costs reader pages nothing; compared in the same run.
  const withRedirects = find(REDIRECTS_TARGET);
  if (post && withRedirects) {
    checks.push(ratioCheck('post page with 10,000 redirects within 5% of without', withRedirects, post, 0.95));
  }
  const proxied = find('nginx: post page, anonymous');
  if (proxied) checks.push({ target: 'post page behind nginx >= 50% of baseline', measured: percent(proxied.ratioToBaseline), met: (proxied.ratioToBaseline ?? 0) >= 0.5 });
  // Issue 16: members and feeds at the anonymous page's speed; search cheap, repeated or fresh.
  const signedIn = find('post page, signed in');
  if (post && signedIn) {
    checks.push(ratioCheck('signed-in post page >= 50% of anonymous', signedIn, post, 0.5));
  }
  const feed = find('RSS feed');
  if (post && feed) {
    checks.push(ratioCheck('/feed.xml >= 50% of the post page', feed, post, 0.5));
  }
  const repeated = find('search /search');
  if (repeated) checks.push({ target: 'repeated search <= 2 ms server CPU per request', measured: ms(repeated.cpuMsPerRequest.app), met: repeated.cpuMsPerRequest.app <= 2 });
  const fresh = find('search, a fresh query');
  if (fresh) checks.push({ target: 'fresh search <= 8 ms server CPU per request', measured: ms(fresh.cpuMsPerRequest.app), met: fresh.cpuMsPerRequest.app <= 8 });
  const comments = find('comment submission');
  if (comments) {
    const measured = `${comments.requestsPerSecond} accepted/s, ${comments.badStatus + comments.errors} errors, p99 ${ms(comments.latencyMs.p99)}`;
    checks.push({
      target: 'comments >= 300 accepted/s, zero errors, p99 < 300 ms',
      measured,
      met: comments.requestsPerSecond >= 300 && comments.badStatus + comments.errors === 0 && comments.latencyMs.p99 < 300,
    });
  }
  // The PostgreSQL column: the same run, the same data, a server of its own on a throwaway cluster.
  const postOnPostgres = findOnPostgres('post page, 200 comments, anonymous');
  if (post && postOnPostgres) {
    checks.push(ratioCheck('post page on PostgreSQL within 10% of SQLite', postOnPostgres, post, 0.9));
  }
  const commentsOnPostgres = findOnPostgres('comment submission');
  if (commentsOnPostgres) {
    const errors = commentsOnPostgres.badStatus + commentsOnPostgres.errors;
    checks.push({
      target: 'comments on PostgreSQL >= 200 accepted/s, zero errors',
      measured: `${commentsOnPostgres.requestsPerSecond} accepted/s, ${errors} errors, p99 ${ms(commentsOnPostgres.latencyMs.p99)}`,
      met: commentsOnPostgres.requestsPerSecond >= 200 && errors === 0,
    });
  }
  // Issue 19: two instances behind nginx, sharing PostgreSQL and Redis, against the PostgreSQL server alone behind nginx.
  for (const [name, floor] of [
    ['post page, anonymous', 0.9],
    ['post page, signed in', 0.8],
    ['comment submission', 0.8],
  ] as const) {
    const one = find(`${ONE_INSTANCE}${name}`);
    const two = find(`${TWO_INSTANCES}${name}`);
    if (one && two) checks.push(ratioCheck(`${name} through nginx, two instances >= ${floor * 100}% of one`, two, one, floor));
  }
  const appPeak = Math.max(...report.results.map((r) => r.peakRssMb.app ?? 0));
  checks.push({ target: 'app peak RSS < 300 MB', measured: `${appPeak} MB`, met: appPeak < 300 });
  const js = report.firstLoadJs['post page'];
  if (js) checks.push({ target: 'post page first-load JS < 120 kB gzipped', measured: `${js.totalGzipKb} kB`, met: js.totalGzipKb < 120 });
  return checks;
}
