import type { TargetResult } from '../../../bench/load';
import { ONE_INSTANCE, TWO_INSTANCES } from '../../../bench/cluster';
import { onPostgres } from '../../../bench/postgres-rows';
import type { Report } from '../../../bench/report';
import { checkTargets } from '../../../bench/targets';

const POST = 'post page, 200 comments, anonymous';
const COMMENTS = 'comment submission, 50 members';

function row(name: string, requestsPerSecond: number, { badStatus = 0, errors = 0 } = {}): Report['results'][number] {
  const result: TargetResult = {
    name,
    url: 'http://127.0.0.1:1/',
    connections: 32,
    seconds: 3,
    requests: requestsPerSecond * 3,
    requestsPerSecond,
    latencyMs: { p50: 10, p99: 50, max: 90 },
    badStatus,
    errors,
    statusCodes: {},
    cpuMsPerRequest: { app: 1 },
    peakRssMb: { app: 200 },
    peakIsPerTarget: true,
    bytesPerResponse: 1000,
  };
  return { ...result, ratioToBaseline: null };
}

const report = (results: Report['results']): Report => ({
  startedAt: '2026-01-01T00:00:00.000Z',
  command: 'npm run bench',
  machine: { cpus: 2, node: 'v20', nginx: null, postgres: 'pg_ctl (PostgreSQL) 15' },
  settings: {},
  data: {},
  baseline: '',
  results,
  firstLoadJs: {},
  skipped: [],
  targets: [],
});

const check = (results: Report['results'], target: string) => checkTargets(report(results)).find((t) => t.target.startsWith(target));

describe('the PostgreSQL rows of the benchmark targets', () => {
  it('compares the post page on PostgreSQL with SQLite’s, allowing 10% less', () => {
    expect(check([row(POST, 1000), row(onPostgres(POST), 900)], 'post page on PostgreSQL')).toMatchObject({ met: true, measured: '900 vs 1000 req/s (90.0%)' });
    expect(check([row(POST, 1000), row(onPostgres(POST), 899)], 'post page on PostgreSQL')?.met).toBe(false);
  });

  it('asks 200 accepted comments a second and no error on PostgreSQL', () => {
    expect(check([row(onPostgres(COMMENTS), 200)], 'comments on PostgreSQL')?.met).toBe(true);
    expect(check([row(onPostgres(COMMENTS), 199.9)], 'comments on PostgreSQL')?.met).toBe(false);
    expect(check([row(onPostgres(COMMENTS), 500, { badStatus: 1 })], 'comments on PostgreSQL')?.met).toBe(false);
    expect(check([row(onPostgres(COMMENTS), 500, { errors: 1 })], 'comments on PostgreSQL')?.met).toBe(false);
  });

  it('judges SQLite’s targets by SQLite’s rows alone, whichever comes first', () => {
    const results = [row(onPostgres(COMMENTS), 500), row(COMMENTS, 100)];
    expect(check(results, 'comments >= 300')).toMatchObject({ met: false, measured: expect.stringMatching(/^100 accepted/) });
    expect(check([row(onPostgres(POST), 900)], 'post page (app alone)')).toBeUndefined();
  });
});

describe('the cluster rows of the benchmark targets', () => {
  it('holds two instances behind nginx to 90% of one for the anonymous page and 80% for the signed-in page and comments', () => {
    const pair = (name: string, one: number, two: number) => [row(`${ONE_INSTANCE}${name}`, one), row(`${TWO_INSTANCES}${name}`, two)];
    const results = [...pair('post page, anonymous', 1000, 900), ...pair('post page, signed in', 1000, 799), ...pair(COMMENTS, 300, 240)];
    expect(check(results, 'post page, anonymous through nginx, two instances >= 90% of one')).toMatchObject({ met: true, measured: '900 vs 1000 req/s (90.0%)' });
    expect(check(results, 'post page, signed in through nginx, two instances >= 80% of one')?.met).toBe(false);
    expect(check(results, 'comment submission through nginx, two instances >= 80% of one')?.met).toBe(true);
  });

  it('leaves the single-server targets to their own rows', () => {
    expect(check([row(`${ONE_INSTANCE}${COMMENTS}`, 500)], 'comments >= 300')).toBeUndefined();
    expect(check([row(`${TWO_INSTANCES}post page, anonymous`, 900)], 'post page (app alone)')).toBeUndefined();
  });
});
