/**
 * Drives one target with autocannon (a warm-up, then the measured run) and reads, around the measured
 * run, the CPU time and peak memory of the processes that served it.
 */
import autocannon from 'autocannon';
import PipelinedRequestsQueue from 'autocannon/lib/pipelinedRequestsQueue';
import { cpuSeconds, peakRssMb, resetPeakRss } from './process-stats';

export type Measured = { label: string; pid: number };

export type Target = {
  name: string;
  url: string;
  /** The app (first) and, for proxied targets, the proxy: CPU and memory are read for each (a cluster's instances share the label `app`: their CPU is summed, their peak memory the largest). */
  servers: Measured[];
  headers?: Record<string, string>;
  /** A different path for each request (a fresh search each time), in place of url's path. */
  paths?: (n: number) => string;
  /** Requests made by distinct clients, one connection each (e.g. one signed-in member per connection). */
  clients?: { headers: Record<string, string>; body: (n: number) => string; method: 'POST' }[];
  /** Status that counts as success (default: any 2xx). */
  expectStatus?: number;
  /** Runs once before the target's warm-up: data this target alone measures (bench/redirects.ts). */
  before?: () => void;
};

export type TargetResult = {
  name: string;
  url: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** Responses with an unexpected status, and socket errors and timeouts. */
  badStatus: number;
  errors: number;
  statusCodes: Record<string, number>;
  cpuMsPerRequest: Record<string, number>;
  peakRssMb: Record<string, number>;
  peakIsPerTarget: boolean;
  bytesPerResponse: number;
  /** With BENCH_ROUNDS > 1: every round's req/s (the figures above are the median round's). */
  rounds?: number[];
};

/*
 * autocannon keeps every response body as a string (decoded and concatenated chunk by chunk) for
 * `onResponse`/`expectBody`, which none of these targets uses. On a 600 KB page that makes the load
 * generator, not the server, the bottleneck (measured here against the same node:http server:
 * 474 req/s with it, 1,963 without), so bodies are dropped as they arrive.
 */
PipelinedRequestsQueue.prototype.addBody = () => {};

type Run = autocannon.Result & { statusCodeStats?: Record<string, { count: number }> };
/** In autocannon since 7.x, missing from @types/autocannon 7.12. */
const aggregateResult = (autocannon as unknown as { aggregateResult(results: autocannon.Result[], options: autocannon.Options): Run }).aggregateResult;

async function run(target: Target, seconds: number, connections: number): Promise<Run> {
  if (target.paths) {
    const paths = target.paths;
    let n = 0;
    const requests = [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: paths(n++) }) }];
    return (await autocannon({ url: target.url, connections, duration: seconds, headers: target.headers, requests })) as Run;
  }
  if (!target.clients) {
    return (await autocannon({ url: target.url, connections, duration: seconds, headers: target.headers })) as Run;
  }
  // One autocannon instance per client, so each connection carries its own headers (its member's cookie).
  const base = { url: target.url, connections: 1, duration: seconds, skipAggregateResult: true };
  const runs = await Promise.all(
    target.clients.map((client, i) => {
      let n = 0;
      return autocannon({
        ...base,
        requests: [{ method: client.method, headers: client.headers, setupRequest: (request) => ({ ...request, body: client.body(i * 1_000_000 + n++) }) }],
      });
    }),
  );
  return aggregateResult(runs, { ...base, connections: target.clients.length });
}

/** One figure per label: several processes under one label (the instances of a cluster) are combined. */
function perLabel(figures: [string, number][], combine: (a: number, b: number) => number): Record<string, number> {
  const combined: Record<string, number> = {};
  for (const [label, value] of figures) combined[label] = label in combined ? combine(combined[label], value) : value;
  return combined;
}

export async function measureTarget(target: Target, options: { seconds: number; warmupSeconds: number; connections: number }): Promise<TargetResult> {
  target.before?.();
  if (options.warmupSeconds > 0) await run(target, options.warmupSeconds, options.connections);
  const perTarget = target.servers.every((server) => resetPeakRss(server.pid));
  const cpuBefore = target.servers.map((server) => cpuSeconds(server.pid));
  const result = await run(target, options.seconds, options.connections);
  const cpuAfter = target.servers.map((server) => cpuSeconds(server.pid));

  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)]));
  const answered = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  const good = target.expectStatus ? (statusCodes[target.expectStatus] ?? 0) : result['2xx'];
  const requests = answered || result.requests.total;
  const round = (value: number, digits = 2) => Number(value.toFixed(digits));
  return {
    name: target.name,
    url: target.url,
    connections: target.clients?.length ?? options.connections,
    seconds: options.seconds,
    requests,
    requestsPerSecond: round(good / result.duration, 1),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    badStatus: answered - good,
    errors: result.errors + result.timeouts,
    statusCodes,
    cpuMsPerRequest: perLabel(
      target.servers.map((server, i) => [server.label, round(((cpuAfter[i] - cpuBefore[i]) * 1000) / Math.max(1, requests), 3)]),
      (a, b) => round(a + b, 3),
    ),
    peakRssMb: perLabel(
      target.servers.map((server) => [server.label, round(peakRssMb(server.pid), 1)]),
      Math.max,
    ),
    peakIsPerTarget: perTarget,
    bytesPerResponse: Math.round(result.throughput.total / Math.max(1, requests)),
  };
}
